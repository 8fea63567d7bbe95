"""The structure README promises, checked: import contracts that fail when broken, every
module importable on its own (no import circle hides behind an import order), and no
private helper used outside its module."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dealmaker"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

#: one planted violation per contract: contract name -> (files to add, what the broken
#: contract's report must say: the planted importer, or for circles the package)
PLANTED: dict[str, tuple[dict[str, str], str]] = {
    # indirect only: services -> a helper outside every layer -> PySide6
    "Kern zonder Qt": ({"planted_qt_helper.py": "import PySide6.QtCore\n",
                        "services/planted_indirect_qt.py": "import dealmaker.planted_qt_helper\n"},
                       "dealmaker.services.planted_indirect_qt"),
    # export above services (issue 6: export -> ui and cli -> ui passed unnoticed)
    "Lagen": ({"export/planted_upward.py": "import dealmaker.services.changes\n",
               "cli/planted_ui.py": "import dealmaker.ui.app\n"},
              "dealmaker.export.planted_upward"),
    "Domein alleen standaardbibliotheek": ({"domain/planted_sql.py": "import sqlalchemy\n"},
                                           "dealmaker.domain.planted_sql"),
    "UI-onderdelen onafhankelijk": ({"ui/quickfind/planted.py":
                                     "import dealmaker.ui.contacts.cards\n"},
                                    "dealmaker.ui.quickfind.planted"),
    "UI-schil kent geen onderdelen": ({"ui/shell/planted.py": "import dealmaker.ui.history\n"},
                                      "dealmaker.ui.shell.planted"),
    "Geen importkringen": ({"domain/planted_a.py": "import dealmaker.domain.planted_b\n",
                            "domain/planted_b.py": "import dealmaker.domain.planted_a\n"},
                           "No cycles are allowed in dealmaker.domain"),
}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the ``dealmaker`` package found under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"),
                           "--no-cache"], cwd=root, env=env, capture_output=True, text=True,
                          check=False)


def contract_names() -> list[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.findall(r'^name = "(.+)"$', text.split("[tool.importlinter]")[1], re.M)


def broken_sections(output: str) -> dict[str, str]:
    """Contract name -> the text lint-imports prints under it in 'Broken contracts'."""
    report = output.split("Broken contracts", 1)[-1]
    parts = re.split(r"^(.+)\n-+\n", report, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_contract_has_a_planted_violation() -> None:
    assert sorted(contract_names()) == sorted(PLANTED)


def test_contracts_keep_on_the_tree_and_break_on_planted_violations(tmp_path: Path) -> None:
    clean = lint_imports(ROOT)
    assert clean.returncode == 0, clean.stdout
    for name in PLANTED:
        assert f"{name} KEPT" in clean.stdout

    copy = tmp_path / "dealmaker"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for files, _importer in PLANTED.values():
        for relative, source in files.items():
            (copy / relative).write_text(source, encoding="utf-8")
    planted = lint_imports(tmp_path)
    assert planted.returncode == 1, planted.stdout
    sections = broken_sections(planted.stdout)
    for name, (_files, importer) in PLANTED.items():
        assert f"{name} BROKEN" in planted.stdout, planted.stdout
        assert importer in sections.get(name, ""), (name, planted.stdout)


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # Alembic's env and versions run only inside Alembic
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


#: Imports the modules named on stdin one by one, each first: before each, every
#: ``dealmaker`` module is forgotten except those named on the first line (a set closed
#: under import, see ``kept_bottom``); prints the modules that fail.
ALONE = """
import importlib, sys, traceback
kept, *names = sys.stdin.read().splitlines()
kept = set(kept.split())
for name in names:
    for loaded in [m for m in sys.modules if m.partition(".")[0] == "dealmaker"]:
        if loaded not in kept or name in kept:
            del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        print("FAILED", name, traceback.format_exc().splitlines()[-1])
"""

#: imported by most modules and slow to run again (SQLAlchemy declarations, Qt classes)
SEEDS = ("dealmaker.storage.models", "dealmaker.ui.shell.context")


def kept_bottom() -> set[str]:
    """``SEEDS`` with all they import, parent packages included: closed under import.

    Keeping these loaded while another module is imported first cannot hide a circle
    through that module: nothing in the set imports anything outside it, so a circle with
    one member outside lies wholly outside. The set's own modules are imported with
    nothing kept."""
    import grimp

    graph = grimp.build_graph("dealmaker", cache_dir=None)
    kept: set[str] = set()
    todo = list(SEEDS)
    while todo:
        module = todo.pop()
        if module in kept:
            continue
        kept.add(module)
        parent = module.rpartition(".")[0]
        todo += [m for m in graph.find_modules_directly_imported_by(module)
                 if m.startswith("dealmaker")] + ([parent] if parent else [])
    return kept


def test_every_module_imports_alone() -> None:
    """An import circle can hide behind the order the app happens to import modules in;
    here each module goes first. Third-party packages and the storage models
    (``kept_bottom``) stay loaded in between, and a few interpreters share the work."""
    modules = _modules()
    kept = kept_bottom()
    workers = max(2, min(4, os.cpu_count() or 2))
    chunks = [modules[i::workers] for i in range(workers)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = [subprocess.Popen([sys.executable, "-c", ALONE], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=env) for _ in chunks]
    outputs = [run.communicate("\n".join([" ".join(sorted(kept)), *chunk]))[0]
               for run, chunk in zip(runs, chunks, strict=True)]
    assert all(run.returncode == 0 for run in runs), outputs
    failed = [line for out in outputs for line in out.splitlines() if line.startswith("FAILED")]
    assert failed == []
    assert len(modules) > 200 and set(SEEDS) <= kept


def private_imports(tree: ast.Module) -> list[str]:
    """``from x import _y`` (``_y`` not a dunder) and ``import x._y`` in ``tree``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [f"from {'.' * node.level}{node.module or ''} import {alias.name}"
                      for alias in node.names
                      if alias.name.startswith("_") and not alias.name.endswith("__")]
        elif isinstance(node, ast.Import):
            found += [f"import {alias.name}" for alias in node.names
                      if any(p.startswith("_") and not p.endswith("__")
                             for p in alias.name.split("."))]
    return found


def test_private_imports_are_found() -> None:
    tree = ast.parse("from a.b import _c, d\nfrom . import __version__\nimport a._e\n")
    assert private_imports(tree) == ["from a.b import _c", "import a._e"]


def test_no_private_helper_is_imported_across_modules() -> None:
    found = [f"{path.relative_to(ROOT)}: {line}"
             for path in sorted(PACKAGE.rglob("*.py")) if "versions" not in path.parts
             for line in private_imports(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


def test_domain_imports_only_the_standard_library_and_itself() -> None:
    """The forbidden contract names the libraries we have; this catches any new one."""
    found = []
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom)
                     and node.level == 0 else [])
            found += [f"{path.name}: {name}" for name in names
                      if name.partition(".")[0] not in sys.stdlib_module_names
                      and not name.startswith("dealmaker.domain")]
    assert found == []


def test_every_package_but_the_window_is_in_the_qt_free_core() -> None:
    """A new top-level package (the coming ``graph``) is Qt-free from its first commit."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    core = re.search(r'name = "Kern zonder Qt"\ntype = "forbidden"\nsource_modules = (\[.*\])',
                     text)
    assert core is not None
    listed = set(ast.literal_eval(core.group(1)))
    top = {f"dealmaker.{p.stem}" for p in PACKAGE.iterdir()
           if p.suffix == ".py" or (p / "__init__.py").exists()}
    assert top - listed == {"dealmaker.ui", "dealmaker.__main__", "dealmaker.__init__"}

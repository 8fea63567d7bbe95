"""kill -9 at random moments of "Vergeten": afterwards the person is either untouched or
gone from every byte of the data folder (workspace, -wal, backup, log, exports).

Each run copies a prepared folder, starts ``forget_person`` in a child process, kills it
with SIGKILL after a random delay within the time a whole forget takes, then opens the
workspace as the app does (which finishes an interrupted forget). A run passes when the
person is forgotten and no file holds a byte of it, or (killed before the transaction
committed) the person is exactly as before and a second forget then leaves no byte.
Runs: ``DEALMAKER_FAULT_RUNS`` (default 5, for CI); seed: ``DEALMAKER_FAULT_SEED``
(the same variables as the other kill -9 tests in ``faults``).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from dealmaker.services.merge import merge_persons
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.privacy import FORGOTTEN_NAME, forget_person
from dealmaker.storage.forgetting import PENDING_KEY
from dealmaker.storage.models import Interaction, Person
from dealmaker.storage.workspace import backup_file, open_workspace

RUNS = int(os.environ.get("DEALMAKER_FAULT_RUNS", "5"))
SEED = int(os.environ.get("DEALMAKER_FAULT_SEED", "2026"))
ZOE = PersonData(last_name="Kwakernaak", first_name="Zoë", email="zoe.k@geheim.example",
                 phone="06 5550 1234", notes="Vertrouwelijk: verhuist naar Zwolle")
SECRETS = (b"kwakernaak", b"geheim.example", b"oud.example", b"5550 1234", b"55501234",
           b"vertrouwelijk")
CHILD = """
import sys
from pathlib import Path
from dealmaker.services.privacy import forget_person
from dealmaker.storage.workspace import open_workspace
ws = open_workspace(Path(sys.argv[1]))
print("begin", flush=True)
forget_person(ws, sys.argv[2])
print("klaar", flush=True)
ws.close()
"""


@dataclass(frozen=True)
class Prepared:
    folder: Path
    person_id: str


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Prepared:
    """A workspace with 600 contacts, Zoë with a merged duplicate, mentions of her in
    other people's notes and contact moments, a backup, a log line and an AVG export."""
    folder = tmp_path_factory.mktemp("vergeten")
    path = folder / "werk.dealmaker"
    shutil.copyfile(empty_template, path)
    rng = random.Random(1)
    words = ["overleg", "regio", "deal", "geld", "plan", "wonen", "zorg", "mobiliteit",
             "wethouder", "provincie"]
    with open_workspace(path) as ws:
        zoe, _ = add_person(ws, ZOE)
        update_person(ws, zoe, email="zoe.kwakernaak@geheim.example")
        dup, _ = add_person(ws, PersonData(last_name="Kwakernaak", first_name="Zoe",
                                           email="z.kwakernaak@oud.example"))
        with ws.uow("Testgegevens") as uow:
            for n in range(600):
                text = " ".join(rng.choice(words) for _ in range(40))
                if n % 20 == 0:
                    text += " Gesprek met zoe\nKWAKERNAAK, mail zoe.k@geheim.example"
                uow.session.add(Person(first_name=f"Voornaam{n}", last_name=f"Achternaam{n}",
                                       email=f"p{n}@voorbeeld.example", notes=text))
            for n in range(300):
                uow.session.add(Interaction(occurred_on=date(2025, 1, 1 + n % 28),
                                            kind="overleg", summary=f"Lunch {n} met Zoë"))
            uow.commit()
        merge_persons(ws, zoe, dup)
        backup_file(path, "handmatig")
    (folder / "dealmaker.log").write_text(
        "2025-01-01 ERROR oud: parameters: ('Zoë', 'Kwakernaak')\n", encoding="utf-8")
    (folder / "AVG-inzage Zoë Kwakernaak 2026-01-01.json").write_text(
        '{"persoon": "Zoë Kwakernaak"}', encoding="utf-8")
    return Prepared(folder, zoe)


def leaks(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, s) for p in folder.iterdir() if p.is_file()
            for s in SECRETS if s in p.read_bytes().lower()]


def healthy(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    finally:
        conn.close()


def run_child(folder: Path, person_id: str, delay: float | None) -> tuple[bool, float]:
    """Forget in a child; SIGKILL it ``delay`` s after it started forgetting.

    Returns (finished by itself, seconds from start of forgetting to exit)."""
    env = {**os.environ, "DEALMAKER_DATA_DIR": str(folder)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder / "werk.dealmaker"),
                              person_id], stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "begin"
    start = time.monotonic()
    if delay is not None:
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    child.wait(timeout=120)
    out = child.stdout.read()
    child.stdout.close()
    return "klaar" in out, time.monotonic() - start


def pending(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM workspace_setting WHERE key = ?",
                            (PENDING_KEY,)).fetchone() != (0,)
    finally:
        conn.close()


def check_run(folder: Path, person_id: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Open as the app does, then the all-or-nothing verdict for this run."""
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(folder))
    path = folder / "werk.dealmaker"
    unfinished = pending(path)
    with open_workspace(path) as ws:  # finishes an interrupted forget
        with ws.read() as s:
            zoe = s.get_one(Person, person_id)
            state = (zoe.first_name, zoe.last_name, zoe.email, zoe.phone)
        if zoe.last_name != FORGOTTEN_NAME:
            assert state == ("Zoë", "Kwakernaak", "zoe.kwakernaak@geheim.example",
                             ZOE.phone), state
            forget_person(ws, person_id)  # an interrupted attempt does not get in the way
            verdict = "voor de commit gedood, daarna vergeten"
        elif unfinished:
            verdict = "na de commit gedood, opruimen afgemaakt bij openen"
        else:
            verdict = "vergeten en opgeruimd"
    assert leaks(folder) == [], verdict
    assert all(healthy(p) for p in folder.glob("*.dealmaker*") if not p.name.endswith(
        ("-wal", "-shm", ".lock")))
    return verdict


def test_forget_survives_kill_9_at_random_moments(prepared: Prepared, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(SEED)
    whole = tmp_path / "heel"
    durations = []
    for _ in range(2):  # the quicker of two (the first one pays for a cold cache)
        shutil.copytree(prepared.folder, whole)
        finished, took = run_child(whole, prepared.person_id, None)
        assert finished
        assert check_run(whole, prepared.person_id, monkeypatch) == "vergeten en opgeruimd"
        durations.append(took)
        shutil.rmtree(whole)
    duration = min(durations)
    verdicts: list[str] = []
    for n in range(RUNS):
        folder = tmp_path / f"run{n}"
        shutil.copytree(prepared.folder, folder)
        delay = rng.uniform(0, 0.95 * duration)
        done, _ = run_child(folder, prepared.person_id, delay)
        verdicts.append(("klaar voor de kill; " if done else f"gedood na {delay:.3f} s; ")
                        + check_run(folder, prepared.person_id, monkeypatch))
        shutil.rmtree(folder)
    kinds = {v.split("; ")[-1] for v in verdicts}
    counts = ", ".join(f"{sum(v.endswith(k) for v in verdicts)}x {k}" for k in sorted(kinds))
    print(f"\nkill -9 tijdens vergeten: {RUNS} runs, {len(verdicts)} geslaagd ({counts}; "
          f"seed {SEED}, heel vergeten duurt {duration:.2f} s)")
    for verdict in verdicts:
        print(f"  {verdict}")

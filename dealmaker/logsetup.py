"""The log file: private to the user, and without personal data or SQL.

``<data dir>/dealmaker.log`` is made 0600 (its folder 0700). What may go in: our own
messages (which never carry names or addresses) and, for an unexpected error, the
exception classes and the code lines they passed through. What never goes in: SQL
statements, their parameters or the text of an exception from a library (SQLAlchemy's
text carries the statement and the row's values; an OS error's text can carry a file
name). SQLAlchemy's own loggers (echo) are kept at WARNING and off the file.

``scrub_log(pattern)`` removes lines that mention a forgotten person from a log that
an older version wrote.
"""

from __future__ import annotations

import io
import logging
import os
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "dealmaker.log"
_MARK = "dealmaker-log"
#: messages of exceptions that are ours and written for the user (one Dutch line)
_SAFE_MODULES = ("dealmaker.",)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: terminal codes (a path or file name can hold ESC[2J): written as visible escapes, so
#: `cat`/`tail` of the log shows text, never codes; the line breaks of a record stay
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Make the folder (and missing parents) with mode 0700. An existing folder is made
    0700 only with ``tighten`` (the app's own default folder, which an older version
    made 0755); a folder the user chose is left as it is."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if tighten and path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` if missing, and make it readable and writable by the user only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return path


def _safe_message(exc: BaseException) -> str:
    cls = type(exc)
    name = f"{cls.__module__}.{cls.__qualname__}"
    if cls.__module__.startswith(_SAFE_MODULES):
        return f"{name}: {_EMAIL.sub('[e-mail]', str(exc))}"
    code = getattr(exc, "sqlite_errorname", None)
    return f"{name} ({code})" if code else name


def safe_exception_text(exc: BaseException) -> str:
    """Frames (file, line, function) and class of each exception in the chain; the text
    of an exception only when it is one of ours."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        lines += [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
        lines.append(_safe_message(current))
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("veroorzaakt door:")
    return "\n".join(lines)


class SafeFormatter(logging.Formatter):
    """Exceptions as classes and code lines only; e-mail addresses masked."""

    def formatException(self, ei: tuple[type[BaseException], BaseException,
                                         TracebackType | None] | tuple[None, None, None]
                        ) -> str:
        exc = ei[1]
        return "" if exc is None else safe_exception_text(exc)

    def format(self, record: logging.LogRecord) -> str:
        record.stack_info = None
        return _CONTROL.sub(_visible, _EMAIL.sub("[e-mail]", super().format(record)))


def _quiet_sqlalchemy() -> None:
    for name in ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "sqlalchemy.orm"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.WARNING)
        logger.propagate = False


def log_path(folder: Path) -> Path:
    return folder / LOG_NAME


class PrivateFileHandler(logging.FileHandler):
    """A file handler that creates its folder (0700) and file (0600) at the first record,
    so a command that logs nothing leaves nothing behind."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)

    def _open(self) -> io.TextIOWrapper:
        path = Path(self.baseFilename)
        private_dir(path.parent)
        private_file(path)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            super().emit(record)
        except OSError:  # an unwritable data folder: the record is dropped
            self.close()

    def handleError(self, record: logging.LogRecord) -> None:
        """Never print a traceback of a failing log write on the user's terminal."""


def configure_logging(folder: Path | None) -> Path | None:
    """Log warnings and errors of ``dealmaker`` to ``<folder>/dealmaker.log`` (0600).

    ``folder`` None (the data folder cannot be made): records are dropped, never
    printed; the failure that follows gets its own one line.
    """
    _quiet_sqlalchemy()
    root = logging.getLogger("dealmaker")
    for old in [h for h in root.handlers if h.get_name() == _MARK]:
        root.removeHandler(old)
        old.close()
    handler: logging.Handler
    path = None if folder is None else log_path(folder)
    handler = logging.NullHandler() if path is None else PrivateFileHandler(path)
    handler.set_name(_MARK)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def scrub_log(folder: Path, mentions: Callable[[str], bool]) -> int:
    """Drop every line of the log for which ``mentions(line)``; return how many went.

    Rewritten through a private temporary file that replaces the log in one rename.
    """
    path = log_path(folder)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    except FileNotFoundError:
        return 0
    kept = [line for line in lines if not mentions(line)]
    if len(kept) == len(lines):
        return 0
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    private_file(tmp).write_text("".join(kept), encoding="utf-8")
    os.replace(tmp, path)
    return len(lines) - len(kept)

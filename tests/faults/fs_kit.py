"""Read-only files and folders and full disks, made for real where the machine allows.

As a normal user ``chmod`` is enough; as root (CI containers) permission bits do not stop
writes, so a read-only bind mount or a small tmpfs is used. Where neither works the test
is skipped with the reason shown (``-ra``), never silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount {' '.join(args)} is hier niet toegestaan: {done.stderr.strip()}")


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


@contextmanager
def read_only(target: Path) -> Iterator[Path]:
    """``target`` (a file or a folder) cannot be written for the block."""
    if not ROOT:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            yield target
        finally:
            target.chmod(mode)
        return
    if shutil.which("mount") is None:
        pytest.skip("geen mount-programma: alleen-lezen kan als root niet worden nagebootst")
    _mount("--bind", str(target), str(target))
    try:
        _mount("-o", "remount,ro,bind", str(target))
        yield target
    finally:
        _umount(target)


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` KiB mounted on ``folder`` (root only)."""
    if not ROOT or shutil.which("mount") is None:
        pytest.skip("een kleine tmpfs koppelen kan alleen als root (met mount)")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


def fill(folder: Path) -> None:
    """Use up the free space of the file system under ``folder``."""
    block = b"\0" * 4096
    try:
        with open(folder / "vulling", "wb", buffering=0) as fh:
            while True:
                fh.write(block)
    except OSError:
        pass

"""Dutch texts for argparse's own messages (usage, help, errors).

argparse looks its texts up through ``gettext`` at call time via its module-level ``_``;
the command line is Dutch like the window, so we answer those lookups from this table.
"""

from __future__ import annotations

import argparse

_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
}


def install() -> None:
    """Make argparse speak Dutch in this process."""
    original = argparse._  # type: ignore[attr-defined]
    if getattr(original, "dealmaker_dutch", False):
        return

    def translate(text: str) -> str:
        return _NL.get(text) or str(original(text))

    translate.dealmaker_dutch = True  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]

"""Exact numbers typed the Dutch way (``12,5``; ``1.234,5``), for measurements and targets.

``parse_decimal`` never guesses or rounds: a value it cannot read exactly is refused with
one Dutch line. The stored form keeps six decimals (``storage.types.ExactDecimal``).
"""

from __future__ import annotations

import re
from decimal import Decimal

#: decimals a stored number keeps
MAX_DECIMALS = 6
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_DIGITS = re.compile(r"^\d+$")


class NumberError(ValueError):
    """A number that cannot be read exactly; ``str()`` is the Dutch message."""


def parse_decimal(text: str) -> Decimal:
    """``"12,5"`` -> 12.5; ``"1.234,5"`` -> 1234.5; ``"0.75"`` -> 0.75; ``"-3"`` -> -3."""
    raw = "".join(text.replace("\u2212", "-").split())
    if not raw:
        raise NumberError("Vul een getal in.")
    sign = ""
    if raw[0] in "+-":
        sign, raw = ("-" if raw[0] == "-" else ""), raw[1:]
    if "," in raw:
        whole, _, frac = raw.partition(",")
        if "," in frac or not _DIGITS.match(frac):
            raise NumberError(f"Ongeldig getal '{text.strip()}': na de komma horen cijfers.")
        if not (_DIGITS.match(whole) or _GROUPED.match(whole)):
            raise NumberError(f"Ongeldig getal '{text.strip()}': schrijf bijvoorbeeld "
                              "1.234,5.")
        whole = whole.replace(".", "")
    elif _GROUPED.match(raw):
        whole, frac = raw.replace(".", ""), ""
    elif raw.count(".") == 1 and all(_DIGITS.match(p) for p in raw.split(".")):
        whole, _, frac = raw.partition(".")
    elif _DIGITS.match(raw):
        whole, frac = raw, ""
    else:
        raise NumberError(f"Ongeldig getal '{text.strip()}': verwacht bijvoorbeeld 12,5.")
    if len(frac.rstrip("0")) > MAX_DECIMALS:
        raise NumberError(f"Ongeldig getal '{text.strip()}': hoogstens {MAX_DECIMALS} "
                          "decimalen; er wordt niet afgerond.")
    frac = frac.rstrip("0")
    value = Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")
    if abs(value) >= Decimal(10) ** 15:
        raise NumberError(f"Ongeldig getal '{text.strip()}': te groot.")
    return value


def format_count(n: int) -> str:
    """``26626`` -> ``26.626``: a count with the Dutch thousands dot (one formatter for
    the window and the command line)."""
    return f"{n:,}".replace(",", ".")


def counted(n: int, one: str, many: str) -> str:
    """``counted(1, "record", "records")`` -> '1 record'; 26626 -> '26.626 records'."""
    return f"{format_count(n)} {one if n == 1 else many}"

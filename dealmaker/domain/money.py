"""Exact money: integer euro cents, shown and parsed the Dutch way (€ 1.234.567,89).

``parse_eur`` is the one parser behind every money field, importer and workbook: it reads
what people type ("1,5 mln", "€ 7,5 miljoen", "250k", "EUR 2.000.000,00", "1.000,-") and
refuses, with one Dutch line, anything it would have to guess or round.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

Cents = int

#: the largest amount accepted (a thousand billion euros): far beyond any deal, and
#: comfortably inside a 64-bit integer column
MAX_CENTS: Cents = 10**17

#: words and letters after a number that multiply it
_SCALES: dict[str, int] = {
    "k": 1_000, "duizend": 1_000,
    "mln": 1_000_000, "mio": 1_000_000, "miljoen": 1_000_000,
    "mld": 1_000_000_000, "mrd": 1_000_000_000, "miljard": 1_000_000_000,
}
_CURRENCY = ("euro", "eur", "€")
_MINUS = ("-", "\u2212")
_SHAPE = re.compile(r"^(?P<num>\d[\d.,\s]*?)(?P<dash>,-{1,2}|,=)?\s*(?P<scale>[a-z]+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:[.\s]\d{3})+$")


def eur(euros: int | str | Decimal) -> Cents:
    """Whole or decimal euros to cents, exactly (``eur(5_000_000)`` is five million)."""
    value = Decimal(str(euros)) * 100
    if value != value.to_integral_value():
        raise ValueError(f"bedrag heeft meer dan twee decimalen: {euros}")
    return int(value)


def format_eur(cents: Cents | None, *, symbol: bool = True) -> str:
    """``123456789`` -> ``€ 1.234.567,89``; ``None`` -> empty string."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", ".")
    text = f"{sign}{grouped},{rest:02d}"
    return f"€ {text}" if symbol else text


def format_eur_short(cents: Cents | None) -> str:
    """For narrow columns: from a million on ``€ 14,4 mln`` (rounded to a tenth; the exact
    amount belongs in the tooltip), below it whole euros ``€ 250.000``."""
    if cents is None:
        return ""
    if abs(cents) >= 100_000_000:
        mln = (Decimal(cents) / 100_000_000).quantize(Decimal("0.1"), ROUND_HALF_UP)
        text = f"{mln:.1f}".replace(".", ",").removesuffix(",0")
        return f"€ {text} mln"
    euros = (Decimal(cents) / 100).quantize(Decimal(1), ROUND_HALF_UP)
    if euros * 100 != cents:
        return format_eur(cents)
    sign = "-" if euros < 0 else ""
    return f"€ {sign}{abs(int(euros)):,}".replace(",", ".")


class MoneyError(ValueError):
    """An amount that cannot be read exactly; ``str()`` is the Dutch message."""


def _refuse(text: str, why: str) -> MoneyError:
    return MoneyError(f"Ongeldig bedrag '{text.strip()}': {why}.")


def _strip_currency(raw: str) -> str:
    for word in _CURRENCY:
        if raw.startswith(word):
            raw = raw[len(word):].lstrip()
            break
    for word in _CURRENCY:
        if raw.endswith(word):
            raw = raw[:-len(word)].rstrip()
            break
    return raw


#: "1,000" or "12,500": a comma before exactly three digits, no other separator
_COMMA_THOUSANDS = re.compile(r"[1-9]\d{0,2},\d{3}")


def _number(text: str, num: str, dash: bool) -> Decimal:
    """The number part with Dutch separators (``.`` groups thousands, ``,`` decimals)."""
    num = num.strip()
    if "," in num:
        whole, _, frac = num.rpartition(",")
        if "," in whole:
            raise _refuse(text, "meer dan één komma; schrijf bijvoorbeeld 1.234.567,89")
        if dash and frac:
            raise _refuse(text, "na ',-' horen geen cijfers")
        if not frac.isdigit():
            raise _refuse(text, "na de komma horen cijfers")
    elif "." in num and not _GROUPED.match(num) and num.count(".") == 1 \
            and len(num.rpartition(".")[2]) <= 2:
        whole, _, frac = num.partition(".")  # "12.50": a decimal point, plainly meant
    else:
        whole, frac = num, ""
    if whole != whole.strip() or not whole:
        raise _refuse(text, "geen cijfers voor de komma")
    if not whole.isdigit():
        if not _GROUPED.match(whole):
            if re.fullmatch(r"\d+\.\d{3,}", whole):
                raise _refuse(text, "onduidelijk of de punt duizendtallen of decimalen "
                                    "scheidt; gebruik een komma voor decimalen")
            raise _refuse(text, "duizendtallen horen per drie cijfers gescheiden te zijn "
                                "(1.234.567)")
        whole = re.sub(r"[.\s]", "", whole)
    return Decimal(f"{whole}.{frac or '0'}")


def parse_eur(text: str) -> Cents:
    """Read an amount as people type it and return exact cents.

    Accepts a currency sign or word before or after (``€``, ``EUR``, ``euro``), a minus,
    Dutch separators (``1.234.567,89``; ``1.000,-``), a decimal point with one or two
    digits (``12.50``), and a scale word (``250k``, ``1,5 mln``, ``€ 7,5 miljoen``,
    ``2 mld``). Raises ``MoneyError`` (a ``ValueError``) with a Dutch message for an
    empty, ambiguous (``1,234,567``, ``1.2345``) or sub-cent (``1,234``) amount: it never
    rounds.
    """
    raw = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").lower().split())
    if not raw:
        raise MoneyError("Vul een bedrag in.")
    negative = False
    for _ in range(2):  # "-€ 5" and "€ -5" both
        raw = _strip_currency(raw)
        if raw.startswith(_MINUS):
            if negative:
                raise _refuse(text, "twee mintekens")
            negative, raw = True, raw[1:].lstrip()
    match = _SHAPE.match(raw)
    if match is None:
        raise _refuse(text, "verwacht een getal, zoals 1.234,56 of 2,5 mln")
    scale_word = match["scale"]
    scale = 1
    if scale_word is not None:
        if scale_word not in _SCALES:
            raise _refuse(text, f"'{scale_word}' is geen bekende eenheid (k, mln, miljoen, "
                                "mld)")
        scale = _SCALES[scale_word]
    if scale_word is None and _COMMA_THOUSANDS.fullmatch(match["num"].strip()):
        # "1,000": a thousand to an English eye, one euro to a Dutch one; never guessed
        raise _refuse(text, "onduidelijk of de komma duizendtallen scheidt (1.000) of "
                            "decimalen (1,00); een bedrag heeft hoogstens twee decimalen "
                            "en is nooit fijner dan een cent")
    value = _number(text, match["num"], match["dash"] is not None) * scale * 100
    if value != value.to_integral_value():
        raise _refuse(text, "fijner dan een cent; een bedrag heeft hoogstens twee "
                            "decimalen en wordt niet afgerond")
    cents = int(value)
    if cents >= MAX_CENTS:
        raise _refuse(text, "te groot")
    return -cents if negative else cents

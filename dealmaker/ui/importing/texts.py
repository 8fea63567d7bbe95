"""Dutch phrases shared by the preview, summary and result steps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dealmaker.services.importing import Action, Added, Difference

#: what the field of a difference is called on screen
_FIELD_LABELS = {"name": "Naam", "email": "E-mailadres", "phone": "Telefoon",
                 "function": "Functie", "notes": "Notities", "tags": "Labels",
                 "first_name": "Voornaam", "last_name": "Achternaam",
                 "tussenvoegsel": "Tussenvoegsel"}
#: fields whose existing value an overwrite replaces
OVERWRITTEN = frozenset({"email", "phone", "function"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportTexts", text)


def rows(n: int) -> str:
    """'1 rij', '3 rijen'."""
    return (_tr("{n} rij") if n == 1 else _tr("{n} rijen")).format(n=n)


def contacts(n: int) -> str:
    """'1 contact', '3 contacten'."""
    return (_tr("{n} contact") if n == 1 else _tr("{n} contacten")).format(n=n)


def field_label(field: str) -> str:
    return _tr(_FIELD_LABELS.get(field, field))


def action_label(action: Action) -> str:
    return {"merge": _tr("Aanvullen"), "overwrite": _tr("Overschrijven"),
            "skip": _tr("Overslaan"), "create": _tr("Nieuw aanmaken")}[action]


def outcome(diff: Difference, action: Action) -> str:
    """What the chosen action does with one difference."""
    if action == "skip":
        return _tr("niet overgenomen")
    if action == "create":
        return _tr("apart contact")
    if action == "overwrite" and diff.field in OVERWRITTEN and diff.existing:
        return _tr("overschreven")
    return {"ingevuld": _tr("ingevuld"), "toegevoegd": _tr("toegevoegd"),
            "behouden": _tr("bestaande blijft")}.get(diff.outcome, diff.outcome)


def one_line(text: str, limit: int = 60) -> str:
    flat = " / ".join(p.strip() for p in text.splitlines() if p.strip())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def differences_text(diffs: tuple[Difference, ...], action: Action) -> str:
    """'E-mailadres: b@x.nl (toegevoegd); Functie: …' for the preview's remark column."""
    if not diffs:
        return _tr("niets nieuws")
    return "; ".join(f"{field_label(d.field)}: {one_line(d.incoming, 40)} "
                     f"({outcome(d, action)})" for d in diffs)


def added_text(added: Added) -> str:
    """'rij 3, Jan Jansen: e-mailadres ‘b@x.nl’ toegevoegd (‘a@x.nl’ blijft)'."""
    text = _tr("rij {row}, {person}: {field} ‘{value}’ {how}").format(
        row=added.row, person=added.person, field=field_label(added.field).lower(),
        value=one_line(added.value), how=_tr(added.how))
    if added.old and added.how == "toegevoegd":
        text += _tr(" (‘{old}’ blijft)").format(old=one_line(added.old))
    elif added.old and added.how == "overschreven":
        text += _tr(" (was ‘{old}’)").format(old=one_line(added.old))
    return text


def plan_counts(counts: dict[str, int]) -> str:
    """'12 nieuw · 3 aanvullen · 0 overschrijven · 2 overslaan · 1 leeg' (``plan.counts()``)."""
    parts = [_tr("{n} nieuw").format(n=counts["create"]),
             _tr("{n} aanvullen").format(n=counts["merge"]),
             _tr("{n} overschrijven").format(n=counts["overwrite"]),
             _tr("{n} overslaan").format(n=counts["skip"]),
             _tr("{n} leeg of onleesbaar").format(n=counts["invalid"])]
    return " · ".join(parts)

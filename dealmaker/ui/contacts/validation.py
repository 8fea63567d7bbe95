"""Checks of the contact form, with Dutch messages, before anything is saved.

The rules are ``domain.contact_rules`` (the service enforces them too); here they get a
message beside the field before anything is sent. Phone numbers are lenient: Dutch and foreign
numbers, with the usual separators, and the short government numbers (14 + area code).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dealmaker.domain.contact_rules import is_email, is_phone


def _tr(text: str) -> str:
    return QCoreApplication.translate("contacts", text)


def email_error(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    if not is_email(value):
        return _tr("‘{value}’ is geen geldig e-mailadres, bijvoorbeeld "
                   "naam@organisatie.nl.").format(value=value)
    return None


def phone_error(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    if not is_phone(value):
        return _tr("‘{value}’ is geen geldig telefoonnummer, bijvoorbeeld 06-12345678 of "
                   "+31 70 123 4567.").format(value=value)
    return None


def name_error(first_name: str, last_name: str) -> str | None:
    if first_name.strip() or last_name.strip():
        return None
    return _tr("Vul een voornaam of achternaam in: een contact heeft minstens een naam nodig.")


def check_person(values: dict[str, str]) -> dict[str, str]:
    """Dutch message per field (``last_name``, ``email``, ``phone``) that is wrong."""
    errors = {}
    if msg := name_error(values.get("first_name", ""), values.get("last_name", "")):
        errors["last_name"] = msg
    if msg := email_error(values.get("email", "")):
        errors["email"] = msg
    if msg := phone_error(values.get("phone", "")):
        errors["phone"] = msg
    return errors

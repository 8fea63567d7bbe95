"""The mapping step: which column of the file fills which field of a contact.

Headers are recognised in Dutch and English, including the exports of Outlook (NL/EN),
Google Contacts (old and new), Gmail, Thunderbird (EN/NL), Yahoo and LinkedIn
(Connections.csv).
Headers are compared folded to letters and digits only, so 'E-mail Address' and
'Email address' are one.
"""

from __future__ import annotations

import re

from dealmaker.services.importing.names import fold

# Per field, the known headers from best to worst: the first one found wins for fields
# that take one column; e-mail and phone fall back along the list when a cell is empty.
_ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": ("Voornaam", "First Name", "Given Name", "Roepnaam", "Firstname",
                   "Voornamen", "First"),
    "tussenvoegsel": ("Tussenvoegsel", "Tussenvoegsels", "Middelste naam", "Middle Name",
                      "Additional Name", "Voorvoegsel", "Middle"),
    "last_name": ("Achternaam", "Last Name", "Family Name", "Surname", "Familienaam",
                  "Lastname", "Geslachtsnaam", "Last"),
    "full_name": ("Naam", "Name", "Volledige naam", "Full Name", "Weergavenaam",
                  "Display Name", "Contactpersoon"),
    "email": ("E-mailadres", "E-mail Address", "Email Address", "E-mail 1 - Value",
              "E-mail", "Emailadres", "Mail", "E-mail adres", "E-mailadres 2",
              "E-mail 2 Address", "E-mail 2 - Value", "E-mailadres 3", "E-mail 3 Address",
              "Primary Email", "Secondary Email", "Alternate Email 1", "Alternate Email 2",
              "E-mail 3 - Value", "Primair e-mailadres", "Secundair e-mailadres", "E-mail 2",
              "E-mail 3"),
    "phone": ("Telefoon op werk", "Business Phone", "Phone 1 - Value", "Telefoon werk",
              "Telefoon",
              "Telefoonnummer", "Phone", "Phone Number", "Tel", "Mobiele telefoon",
              "Mobile Phone", "Mobiel", "Mobile", "Telefoon op werk 2", "Business Phone 2",
              "Hoofdtelefoon bedrijf", "Company Main Phone", "Phone 2 - Value",
              "Telefoon thuis", "Home Phone", "Work Phone", "Mobile Number", "Primary Phone",
              "Hoofdtelefoon", "Work", "Other Phone", "Overige telefoon", "Home",
              "Phone 3 - Value", "Car Phone", "Autotelefoon", "Other",
              # the person's own further numbers: never lost, in the notes when the
              # field is taken (the assistant's phone is not theirs and stays out)
              "Home Phone 2", "Telefoon thuis 2", "Andere telefoon", "Radio Phone",
              "Radiotelefoon", "Business Fax", "Fax op werk", "Fax werk", "Home Fax", "Fax thuis",
              "Other Fax", "Andere fax", "Fax Number", "Fax", "Pager", "Pager Number",
              # Thunderbird in Dutch (its importer's field names, also its CSV export's)
              "Mobiel nummer", "Faxnummer", "Piepernummer"),
    "organisation": ("Organisatie", "Bedrijf", "Company", "Organization 1 - Name",
                     "Organization Name", "Organization", "Organisation", "Werkgever",
                     "Employer", "Instelling"),
    "function": ("Functie", "Job Title", "Organization 1 - Title", "Organization Title",
                 "Werkfunctie",
                 "Position", "Functietitel", "Rol", "Role", "Title"),
    "start_date": ("In functie sinds", "Startdatum", "Start Date", "Sinds"),
    "notes": ("Notities", "Notes", "Opmerkingen", "Notitie", "Toelichting", "Memo",
              "Comments", "Aantekeningen", "Note"),
    "tags": ("Labels", "Categorieën", "Categories", "Group Membership", "Tags", "Groepen",
             "Label", "Groups", "Category", "Categorien"),
    "url": ("URL", "Profile URL", "LinkedIn", "Website", "Webpagina", "Web Page",
            "Web Page 1", "Webpagina 1", "Business Website", "Personal Website"),
    "connected_on": ("Connected On", "Verbonden op", "Connectie sinds"),
}

#: Fields that read several columns (in alias order); the others take the best one.
MULTI = frozenset({"email", "phone", "notes", "tags"})
#: Fields of which at least one must be mapped for a file to have names.
NAME_FIELDS = ("first_name", "last_name", "full_name")

_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def header_key(header: str) -> str:
    """'E-mail Address' -> 'emailaddress'; 'Categorieën' -> 'categorieen'."""
    return _NOT_ALNUM.sub("", fold(header))


_RANK: dict[str, tuple[str, int]] = {}
for _field, _names in _ALIASES.items():
    for _rank, _name in enumerate(_names):
        _RANK.setdefault(header_key(_name), (_field, _rank))


#: Google numbers its columns without end: 'E-mail 4 - Value', 'Phone 12 - Value'.
_NUMBERED = re.compile(r"(email|phone)(\d+)value")
_NUMBERED_RANK = 500


def known_field(header: str) -> tuple[str, int] | None:
    """(field, rank) of a recognised header, else None."""
    key = header_key(header)
    if key in _RANK:
        return _RANK[key]
    numbered = _NUMBERED.fullmatch(key)
    if numbered is None:
        return None
    return ("email" if numbered[1] == "email" else "phone",
            _NUMBERED_RANK + int(numbered[2][:6]))


def guess_mapping(headers: list[str]) -> dict[str, str | None]:
    """Header -> target field (``None``: ignored), for the caller to show and override."""
    best: dict[str, tuple[int, str]] = {}
    for header in headers:
        known = known_field(header)
        if known and known[0] not in MULTI:
            field, rank = known
            if field not in best or rank < best[field][0]:
                best[field] = (rank, header)
    mapping: dict[str, str | None] = {}
    for header in headers:
        known = known_field(header)
        if known is None or header in mapping:
            mapping.setdefault(header, None)
        elif known[0] in MULTI or best[known[0]][1] == header:
            mapping[header] = known[0]
        else:
            mapping[header] = None
    return mapping


def columns_by_field(headers: list[str], mapping: dict[str, str | None]
                     ) -> dict[str, list[int]]:
    """Field -> column indexes, best first (known alias rank, then column order)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for index, header in enumerate(headers):
        field = mapping.get(header)
        if field is None:
            continue
        known = known_field(header)
        rank = known[1] if known and known[0] == field else 1000
        out.setdefault(field, []).append((rank, index))
    return {f: [i for _, i in sorted(cols)] for f, cols in out.items()}


def recognised(headers: list[str]) -> int:
    """How many of these cells are known headers (to find the header row)."""
    return sum(1 for h in headers if h and known_field(h) is not None)

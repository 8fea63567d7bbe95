"""The Rijk side of the demo: ministries (real) with directorates-general, directies and
teams (names approximated or invented, so those rows are marked as demo data), plus the
national umbrella organisations.
"""

from __future__ import annotations

from typing import NamedTuple


class MinistrySpec(NamedTuple):
    name: str
    short: str
    aliases: tuple[str, ...]
    #: (DG name, (directie names ...)); the first directie of BZK and LNV holds the dealmakers
    dgs: tuple[tuple[str, tuple[str, ...]], ...]


M = MinistrySpec

MINISTRIES: tuple[MinistrySpec, ...] = (
    M("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "BZK", (), (
        ("DG Openbaar Bestuur en Democratische Rechtsstaat",
         ("Directie Regio en Decentraal Bestuur", "Directie Democratie en Bestuur")),
        ("DG Volkshuisvesting en Bouwen", ("Directie Woningmarkt", "Directie Bouwen")),
        ("DG Ruimtelijke Ordening", ("Directie Ruimtelijke Economie", "Directie Leefomgeving")),
    )),
    M("Ministerie van Landbouw, Natuur en Voedselkwaliteit", "LNV",
      ("LVVN", "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"), (
        ("DG Natuur, Visserij en Gebiedsgericht werken",
         ("Directie Regionale Economie en Gebiedsgericht werken", "Directie Natuur")),
        ("DG Agro", ("Directie Agroketens", "Directie Plantaardige Productie")),
    )),
    M("Ministerie van Onderwijs, Cultuur en Wetenschap", "OCW", (), (
        ("DG Hoger Onderwijs, Beroepsonderwijs, Wetenschap en Emancipatie",
         ("Directie Middelbaar Beroepsonderwijs", "Directie Hoger Onderwijs")),
        ("DG Primair en Voortgezet Onderwijs", ("Directie Regio en Onderwijsaanbod",)),
        ("DG Cultuur en Media", ("Directie Erfgoed en Kunsten",)),
    )),
    M("Ministerie van Economische Zaken en Klimaat", "EZK", ("EZ",), (
        ("DG Bedrijfsleven en Innovatie",
         ("Directie Regio en Ruimtelijke Economie", "Directie Innovatie en Kennis")),
        ("DG Klimaat en Energie", ("Directie Warmte en Ondergrond", "Directie Elektriciteit")),
    )),
    M("Ministerie van Justitie en Veiligheid", "JenV", ("JuV",), (
        ("DG Ondermijning", ("Directie Bestrijding Georganiseerde Criminaliteit",)),
        ("DG Politie en Veiligheidsregio's", ("Directie Politie",)),
    )),
    M("Ministerie van Financiën", "Financiën", ("FIN",), (
        ("DG Rijksbegroting", ("Inspectie der Rijksfinanciën", "Directie Begrotingszaken")),
    )),
    M("Ministerie van Infrastructuur en Waterstaat", "IenW", ("I&W",), (
        ("DG Mobiliteit", ("Directie Openbaar Vervoer en Spoor", "Directie Wegen")),
        ("DG Water en Bodem", ("Directie Water en Bodem",)),
        ("DG Milieu en Internationaal", ("Directie Circulaire Economie",)),
    )),
    M("Ministerie van Sociale Zaken en Werkgelegenheid", "SZW", (), (
        ("DG Werk", ("Directie Arbeidsmarkt", "Directie Gezond en Veilig Werken")),
        ("DG Participatie en Inkomenswaarborg", ("Directie Armoede en Schulden",)),
    )),
    M("Ministerie van Volksgezondheid, Welzijn en Sport", "VWS", (), (
        ("DG Volksgezondheid", ("Directie Publieke Gezondheid", "Directie Sport")),
        ("DG Langdurige Zorg", ("Directie Maatschappelijke Ondersteuning",)),
    )),
)

#: Teams under the first directie of BZK and LNV, where the dealmakers work.
DEALMAKER_TEAMS: tuple[str, ...] = ("Team Regio Deals", "Team Brede Welvaart en Monitoring")
DEALMAKER_MINISTRIES: tuple[str, ...] = ("BZK", "LNV")
#: Ministries that co-sign most deals first (OCW and EZK: over 20 deals each, 001:2362).
COSIGN_WEIGHTS: dict[str, int] = {
    "OCW": 8, "EZK": 8, "IenW": 4, "SZW": 4, "VWS": 3, "JenV": 3, "Financiën": 1,
}

#: National umbrella organisations: (name, short name, helix value, levensgemeenschap value).
KOEPELS: tuple[tuple[str, str, str, str], ...] = (
    ("Vereniging van Nederlandse Gemeenten", "VNG", "overheid", "bestuurlijk"),
    ("Interprovinciaal Overleg", "IPO", "overheid", "bestuurlijk"),
    ("Unie van Waterschappen", "UvW", "overheid", "bestuurlijk"),
    ("VNO-NCW", "VNO-NCW", "ondernemers", "economisch"),
    ("MKB-Nederland", "MKB-NL", "ondernemers", "economisch"),
    ("MBO Raad", "MBO Raad", "onderwijs_kennis", "maatschappelijk"),
)

"""Invented people: Dutch first names, surnames with their tussenvoegsel, function titles.

Every combination is made up; the names are common Dutch (and Dutch-by-migration) names,
not people from the source texts.
"""

from __future__ import annotations

import unicodedata
from functools import cache

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Sanne", "Lotte", "Eva", "Femke", "Marieke", "Inge", "Ingrid", "Monique",
    "Esther", "Petra", "Annemarie", "Judith", "Karin", "Linda", "Wendy", "Saskia", "Mirjam",
    "Ellen", "Marloes", "Nienke", "Fleur", "Iris", "Roos", "Anouk", "Laura", "Sophie",
    "Emma", "Fatima", "Samira", "Yasmina", "Hatice", "Meryem", "Priya", "Hanneke", "Joke",
    "Anja", "Wilma", "Marie-José", "Els", "Margreet", "Geertje", "Tineke", "Baukje",
    "Froukje", "Yvonne", "Manon", "Maud", "Noor", "Julia", "Lieke", "Merel", "Renske",
    "Jantine", "Carolien", "Suzanne", "Astrid", "Nadia", "Ilse", "Bianca", "Chantal",
    "Jan", "Pieter", "Kees", "Henk", "Johan", "Gerrit", "Willem", "Hans", "Peter", "Mark",
    "Rob", "Erik", "Bas", "Jeroen", "Maarten", "Thijs", "Sander", "Niels", "Ruud", "Frank",
    "Bart", "Tom", "Tim", "Daan", "Sem", "Lars", "Joost", "Wouter", "Michiel", "Arjen",
    "Sjoerd", "Hessel", "Jelle", "Freek", "Mohamed", "Ahmed", "Youssef", "Mehmet", "Emre",
    "Rajesh", "Stefan", "Roel", "Harm", "Gert-Jan", "Jan-Willem", "Koen", "Jasper", "Rik",
    "Vincent", "Martijn", "Dirk", "Arend", "Sietse", "Wiebe", "Twan", "Luuk", "Stijn",
    "Ramon", "Kevin", "Dennis", "Marco", "Patrick", "Hendrik", "Teun", "Olaf", "Gijs",
)

#: Surnames as written, tussenvoegsel first ("van den Berg"); split by :func:`split_surname`.
SURNAMES: tuple[str, ...] = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
    "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
    "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
    "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
    "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra", "Kramer",
    "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink", "de Ruiter",
    "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "van der Velde", "Willemsen",
    "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen", "Schipper", "de Koning",
    "van der Laan", "Koning", "Driessen", "van Doorn", "Hermans", "Evers", "van den Bosch",
    "van der Meulen", "Hofman", "Bosman", "Wolters", "Sanders", "van der Horst", "Mol",
    "Kuijpers", "Molenaar", "van de Pol", "de Leeuw", "Verbeek", "Zijlstra", "Wijnands",
    "Claessens", "ter Horst", "te Riele", "in 't Veld", "op den Kamp", "Oosterhuis",
    "Nijhuis", "Wessels", "Hoogland", "Lammers", "Brinkman", "Bouwman", "Stam", "Kamphuis",
    "Yilmaz", "Kaya", "Öztürk", "El Amrani", "Bouzid", "Nguyen", "Pinas", "Biharie",
    "Ramdin", "Tahiri", "Çelik", "Wiersma", "Bijlsma", "Terpstra", "van Houten",
)

#: The tussenvoegsels that occur in :data:`SURNAMES`, longest first.
TUSSENVOEGSELS: tuple[str, ...] = (
    "van den", "van der", "van de", "op den", "in 't", "van", "de", "ter", "te",
)


def split_surname(full: str) -> tuple[str, str]:
    """``"van den Berg"`` -> ``("van den", "Berg")``; ``"El Amrani"`` stays whole."""
    for tv in TUSSENVOEGSELS:
        if full.startswith(tv + " "):
            return tv, full[len(tv) + 1:]
    return "", full


@cache
def slug(text: str) -> str:
    """ASCII, lower case, no spaces: for invented e-mail addresses (``öztürk`` -> ``ozturk``)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch in "-.")


#: Function titles per organisation kind (value of ``OrgKind``); the first is the head.
TITLES: dict[str, tuple[str, ...]] = {
    "ministerie": ("Secretaris-generaal", "Strategisch adviseur", "Raadadviseur"),
    "directoraat_generaal": ("Directeur-generaal", "Strategisch adviseur",
                             "Coördinerend beleidsmedewerker"),
    "directie": ("Directeur", "Plaatsvervangend directeur", "Senior beleidsmedewerker",
                 "Beleidsmedewerker", "Coördinerend beleidsmedewerker", "Programmamanager",
                 "Accountmanager regio"),
    "afdeling": ("Afdelingshoofd", "Teamleider", "Senior beleidsmedewerker",
                 "Beleidsmedewerker", "Projectleider", "Accountmanager regio"),
    "provincie": ("Gedeputeerde", "Gedeputeerde", "Programmamanager Regio Deal",
                  "Beleidsadviseur economie", "Senior beleidsadviseur", "Projectleider",
                  "Accountmanager", "Concerncontroller"),
    "gemeente": ("Burgemeester", "Wethouder economie", "Wethouder wonen",
                 "Wethouder onderwijs en jeugd", "Beleidsmedewerker economie",
                 "Programmamanager", "Projectleider", "Gemeentesecretaris",
                 "Accountmanager bedrijven", "Beleidsmedewerker sociaal domein"),
    "waterschap": ("Dijkgraaf", "Lid dagelijks bestuur", "Beleidsadviseur water",
                   "Projectleider"),
    "samenwerkingsverband": ("Programmadirecteur", "Programmamanager", "Projectleider",
                             "Secretaris stuurgroep", "Communicatieadviseur",
                             "Financieel adviseur", "Monitoringsadviseur"),
    "bedrijf": ("Directeur-eigenaar", "Innovatiemanager", "Manager bedrijfsvoering",
                "Business developer", "HR-manager", "Projectmanager"),
    "kennisinstelling": ("Lid college van bestuur", "Lector", "Hoogleraar", "Onderzoeker",
                         "Programmaleider", "Valorisatiemanager", "Docent-onderzoeker"),
    "maatschappelijke_organisatie": ("Directeur-bestuurder", "Coördinator", "Projectleider",
                                     "Bestuurslid", "Opbouwwerker"),
    "koepel": ("Directeur", "Senior beleidsadviseur", "Beleidsadviseur", "Projectleider"),
    "inwonersinitiatief": ("Voorzitter", "Secretaris", "Penningmeester", "Vrijwilliger"),
}

#: The title of a dealmaker's position (BZK or LNV).
DEALMAKER_TITLE = "Dealmaker Regio Deals"

DEMO_NOTE = "Demogegevens (verzonnen)"
EMAIL_DOMAIN = "demo.example"

"""The Regio Deals of the demo: the deals named in the sources (domain.md), with their tranche
and aliases, and the real provinces, gemeenten, waterschappen and knowledge institutions
of each region. Amounts and people are invented elsewhere; these names are public.
"""

from __future__ import annotations

from typing import NamedTuple


class DealSpec(NamedTuple):
    """One deal region. Lists are comma-separated to keep the table compact."""

    name: str
    tranche: str | None
    aliases: tuple[str, ...]
    provinces: str
    gemeenten: str
    waterschappen: str
    kennis: str

    def split(self, field: str) -> list[str]:
        value: str = getattr(self, field)
        return [part.strip() for part in value.split(",") if part.strip()]


D = DealSpec

#: The deals named in domain.md (001:518-572), tranche where the sources give it.
NAMED_DEALS: tuple[DealSpec, ...] = (
    D("Brainport", "I", ("Brainport Eindhoven",), "Noord-Brabant",
      "Eindhoven, Helmond, Veldhoven, Best, Nuenen", "Waterschap De Dommel",
      "Technische Universiteit Eindhoven, Fontys Hogescholen, Summa College"),
    D("Zeeland", "I", ("Regio Deal Zeeland",), "Zeeland",
      "Middelburg, Vlissingen, Goes, Schouwen-Duiveland", "Waterschap Scheldestromen",
      "HZ University of Applied Sciences, Scalda"),
    D("Zuid- en Oost-Drenthe", "II", ("Zuid-Oost-Drenthe",), "Drenthe",
      "Emmen, Coevorden, Hoogeveen, Borger-Odoorn", "Waterschap Vechtstromen",
      "NHL Stenden Hogeschool, Drenthe College"),
    D("Twente", "II", ("Regio Twente",), "Overijssel",
      "Enschede, Hengelo, Almelo, Oldenzaal, Borne", "Waterschap Vechtstromen",
      "Universiteit Twente, Saxion, ROC van Twente"),
    D("Achterhoek", "II", ("Achterhoek Board",), "Gelderland",
      "Doetinchem, Winterswijk, Aalten, Oost Gelre, Berkelland, Oude IJsselstreek",
      "Waterschap Rijn en IJssel", "Graafschap College"),
    D("Foodvalley", "II", ("Food Valley",), "Gelderland, Utrecht",
      "Ede, Wageningen, Barneveld, Veenendaal, Nijkerk, Rhenen, Renswoude, Scherpenzeel",
      "Waterschap Vallei en Veluwe", "Wageningen University & Research, Aeres Hogeschool"),
    D("Parkstad Limburg", "II", ("Parkstad",), "Limburg",
      "Heerlen, Kerkrade, Landgraaf, Brunssum, Simpelveld, Voerendaal, Beekdaelen",
      "Waterschap Limburg", "Zuyd Hogeschool, Open Universiteit"),
    D("Midden- en West-Brabant", "II", ("MWB",), "Noord-Brabant",
      "Breda, Tilburg, Roosendaal, Bergen op Zoom, Oosterhout, Waalwijk",
      "Waterschap Brabantse Delta",
      "Avans Hogeschool, Tilburg University, Breda University of Applied Sciences"),
    D("Bodemdaling Groene Hart", "II", ("Groene Hart",), "Zuid-Holland, Utrecht",
      "Alphen aan den Rijn, Gouda, Bodegraven-Reeuwijk, Krimpenerwaard, Woerden, Nieuwkoop",
      "Hoogheemraadschap van Rijnland, Hoogheemraadschap De Stichtse Rijnlanden",
      "Universiteit Leiden"),
    D("ZaanIJ", "II", ("Zaan-IJ",), "Noord-Holland", "Zaanstad, Amsterdam",
      "Hoogheemraadschap Hollands Noorderkwartier", "Hogeschool van Amsterdam"),
    D("Den Haag Zuidwest", "II", ("Haagse Zuidwest",), "Zuid-Holland", "Den Haag",
      "Hoogheemraadschap van Delfland", "De Haagse Hogeschool, ROC Mondriaan"),
    D("Drechtsteden", "III", ("Regio Drechtsteden",), "Zuid-Holland",
      "Dordrecht, Zwijndrecht, Papendrecht, Sliedrecht, Alblasserdam, Hendrik-Ido-Ambacht",
      "Waterschap Hollandse Delta", "Da Vinci College"),
    D("Groningen Noord", "III", ("Noord-Groningen",), "Groningen", "Het Hogeland, Eemsdelta",
      "Waterschap Noorderzijlvest", "Rijksuniversiteit Groningen, Hanzehogeschool Groningen"),
    D("Kop van Noord-Holland", "III", ("Kop van NH",), "Noord-Holland",
      "Den Helder, Hollands Kroon, Schagen, Texel",
      "Hoogheemraadschap Hollands Noorderkwartier", "Hogeschool Inholland"),
    D("Noord-Limburg", "III", ("Regio Venlo",), "Limburg",
      "Venlo, Venray, Horst aan de Maas, Peel en Maas, Beesel", "Waterschap Limburg",
      "Fontys Hogescholen, Maastricht University"),
    D("Noordoost-Brabant", "III", ("Agrifood Capital",), "Noord-Brabant",
      "'s-Hertogenbosch, Oss, Meierijstad, Bernheze, Maashorst", "Waterschap Aa en Maas",
      "HAS green academy, Koning Willem I College"),
    D("Oost-Groningen", "III", ("Oost Groningen",), "Groningen",
      "Oldambt, Pekela, Stadskanaal, Veendam, Westerwolde", "Waterschap Hunze en Aa's",
      "Hanzehogeschool Groningen, Noorderpoort"),
    D("Regio Zwolle", "III", ("Zwolle",), "Overijssel, Gelderland, Drenthe, Flevoland",
      "Zwolle, Kampen, Dalfsen, Hattem, Meppel", "Waterschap Drents Overijsselse Delta",
      "Hogeschool Windesheim, Deltion College"),
    D("FruitDelta Rivierenland", "III", ("Rivierenland", "Fruitdelta"), "Gelderland",
      "Tiel, Culemborg, Buren, West Betuwe, Neder-Betuwe, Zaltbommel",
      "Waterschap Rivierenland", "Hogeschool van Arnhem en Nijmegen"),
    D("Utrecht", "III", ("Regio Deal Utrecht",), "Utrecht", "Utrecht, Nieuwegein",
      "Hoogheemraadschap De Stichtse Rijnlanden", "Universiteit Utrecht, Hogeschool Utrecht"),
    D("Zeeuws-Vlaanderen", "III", ("Zeeuws Vlaanderen",), "Zeeland", "Terneuzen, Sluis, Hulst",
      "Waterschap Scheldestromen", "HZ University of Applied Sciences, Scalda"),
    D("Zuidoost Fryslân", "III", ("Zuidoost Friesland",), "Fryslân",
      "Heerenveen, Ooststellingwerf, Weststellingwerf, Opsterland", "Wetterskip Fryslân",
      "NHL Stenden Hogeschool, Firda"),
    D("Zuid-Hollandse Delta", "III", ("ZHD",), "Zuid-Holland",
      "Goeree-Overflakkee, Hoeksche Waard, Voorne aan Zee, Nissewaard",
      "Waterschap Hollandse Delta", "Hogeschool Rotterdam"),
    D("Veluwe", "III", ("Regio Deal Veluwe",), "Gelderland",
      "Apeldoorn, Ede, Epe, Ermelo, Harderwijk, Nunspeet, Putten",
      "Waterschap Vallei en Veluwe", "Aeres Hogeschool, Saxion"),
    D("Regio Cleantech", "III", ("Cleantech Regio",), "Gelderland, Overijssel",
      "Apeldoorn, Deventer, Zutphen, Lochem, Brummen, Voorst",
      "Waterschap Rijn en IJssel, Waterschap Vallei en Veluwe", "Saxion, Aventus"),
    D("Rotterdam Zuid", None, ("Nationaal Programma Rotterdam Zuid", "NPRZ"), "Zuid-Holland",
      "Rotterdam", "Hoogheemraadschap van Schieland en de Krimpenerwaard",
      "Hogeschool Rotterdam, Erasmus Universiteit Rotterdam"),
    D("Noordelijk Flevoland", None, ("Urk-Noordoostpolder",), "Flevoland",
      "Urk, Noordoostpolder", "Waterschap Zuiderzeeland", "Aeres Hogeschool"),
)

#: Invented further deals (real regions, made-up deals) so that ``large`` reaches 50 deals.
EXTRA_DEALS: tuple[DealSpec, ...] = tuple(
    D(name, tranche, (), prov, gem, ws, kennis)
    for name, tranche, prov, gem, ws, kennis in (
        ("Westfriesland", "IV", "Noord-Holland", "Hoorn, Enkhuizen, Medemblik, Stede Broec",
         "Hoogheemraadschap Hollands Noorderkwartier", "Hogeschool Inholland"),
        ("Gooi en Vechtstreek", "IV", "Noord-Holland", "Hilversum, Gooise Meren, Huizen",
         "Waternet", "Hogeschool van Amsterdam"),
        ("Zuid-Limburg", "IV", "Limburg", "Maastricht, Sittard-Geleen, Valkenburg aan de Geul",
         "Waterschap Limburg", "Maastricht University, Zuyd Hogeschool"),
        ("Midden-Limburg", "IV", "Limburg", "Roermond, Weert, Leudal, Maasgouw",
         "Waterschap Limburg", "Fontys Hogescholen"),
        ("De Peel", "IV", "Noord-Brabant", "Deurne, Gemert-Bakel, Asten, Someren",
         "Waterschap Aa en Maas", "Summa College"),
        ("De Kempen", "IV", "Noord-Brabant", "Bergeijk, Bladel, Eersel, Reusel-De Mierden",
         "Waterschap De Dommel", "Fontys Hogescholen"),
        ("Holland Rijnland", "IV", "Zuid-Holland", "Leiden, Katwijk, Noordwijk, Teylingen",
         "Hoogheemraadschap van Rijnland", "Universiteit Leiden, Hogeschool Leiden"),
        ("Alblasserwaard-Vijfheerenlanden", "IV", "Zuid-Holland, Utrecht",
         "Molenlanden, Gorinchem, Vijfheerenlanden", "Waterschap Rivierenland",
         "Da Vinci College"),
        ("Salland", "IV", "Overijssel", "Raalte, Hellendoorn, Olst-Wijhe, Rijssen-Holten",
         "Waterschap Drents Overijsselse Delta", "Saxion"),
        ("Noordoost-Fryslân", "IV", "Fryslân",
         "Dantumadiel, Noardeast-Fryslân, Achtkarspelen, Tytsjerksteradiel",
         "Wetterskip Fryslân", "NHL Stenden Hogeschool, Firda"),
        ("Zuidwest-Fryslân", "IV", "Fryslân", "Súdwest-Fryslân, De Fryske Marren",
         "Wetterskip Fryslân", "NHL Stenden Hogeschool"),
        ("Waddeneilanden", "IV", "Fryslân, Noord-Holland",
         "Terschelling, Vlieland, Ameland, Schiermonnikoog", "Wetterskip Fryslân",
         "Van Hall Larenstein"),
        ("Westerkwartier", "V", "Groningen", "Westerkwartier",
         "Waterschap Noorderzijlvest", "Hanzehogeschool Groningen"),
        ("Noord-Drenthe", "V", "Drenthe", "Assen, Aa en Hunze, Tynaarlo, Noordenveld",
         "Waterschap Hunze en Aa's", "Drenthe College"),
        ("Arnhem-Nijmegen", "V", "Gelderland", "Arnhem, Nijmegen, Renkum, Overbetuwe",
         "Waterschap Rijn en IJssel", "Radboud Universiteit, Hogeschool van Arnhem en Nijmegen"),
        ("Amersfoort", "V", "Utrecht", "Amersfoort, Leusden, Soest",
         "Waterschap Vallei en Veluwe", "Hogeschool Utrecht"),
        ("IJmond", "V", "Noord-Holland", "Velsen, Beverwijk, Heemskerk",
         "Hoogheemraadschap Hollands Noorderkwartier", "Hogeschool Inholland"),
        ("Walcheren", "V", "Zeeland", "Middelburg, Vlissingen, Veere",
         "Waterschap Scheldestromen", "HZ University of Applied Sciences"),
        ("Land van Cuijk", "V", "Noord-Brabant", "Land van Cuijk, Boekel",
         "Waterschap Aa en Maas", "HAS green academy"),
        ("Oost-Achterhoek", "V", "Gelderland", "Winterswijk, Aalten, Oost Gelre",
         "Waterschap Rijn en IJssel", "Graafschap College"),
        ("Flevoland-Zuid", "V", "Flevoland", "Almere, Lelystad, Zeewolde",
         "Waterschap Zuiderzeeland", "Windesheim Almere"),
        ("Noordwest-Veluwe", "V", "Gelderland", "Harderwijk, Elburg, Oldebroek",
         "Waterschap Vallei en Veluwe", "Hogeschool Windesheim"),
        ("Hart van Brabant", "V", "Noord-Brabant", "Tilburg, Dongen, Loon op Zand, Goirle",
         "Waterschap De Dommel", "Tilburg University"),
    )
)

ALL_DEALS: tuple[DealSpec, ...] = NAMED_DEALS + EXTRA_DEALS
NAMED_COUNT = len(NAMED_DEALS)

PROVINCES: tuple[str, ...] = (
    "Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
    "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
)

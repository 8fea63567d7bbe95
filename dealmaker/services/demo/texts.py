"""Vocabulary for invented content: themes, opgaven, and the phrases of contact moments,
commitments, projects and indicators. All Dutch, as the interface is."""

from __future__ import annotations

#: CBS brede welvaart themes: (name, dimension value, parent name or "").
THEMES: tuple[tuple[str, str, str], ...] = (
    ("Subjectief welzijn", "hier_en_nu", ""),
    ("Materiële welvaart", "hier_en_nu", ""),
    ("Gezondheid", "hier_en_nu", ""),
    ("Arbeid en vrije tijd", "hier_en_nu", ""),
    ("Wonen", "hier_en_nu", ""),
    ("Samenleving", "hier_en_nu", ""),
    ("Veiligheid", "hier_en_nu", ""),
    ("Milieu", "hier_en_nu", ""),
    ("Economisch kapitaal", "later", ""),
    ("Natuurlijk kapitaal", "later", ""),
    ("Menselijk kapitaal", "later", ""),
    ("Sociaal kapitaal", "later", ""),
    ("Handel en hulp", "elders", ""),
    ("Grondstoffen en emissies elders", "elders", ""),
    ("Werkgelegenheid", "hier_en_nu", "Arbeid en vrije tijd"),
    ("Bereikbaarheid", "hier_en_nu", "Wonen"),
    ("Energietransitie", "hier_en_nu", "Milieu"),
    ("Onderwijs en vaardigheden", "later", "Menselijk kapitaal"),
)

#: Opgaven: (name, theme name, owning ministry short name, description).
OPGAVEN: tuple[tuple[str, str, str, str], ...] = (
    ("Wonen en leefbaarheid", "Wonen", "BZK", "Woningbouw, wijkaanpak en vitale kernen."),
    ("Arbeidsmarkt en werk", "Werkgelegenheid", "SZW", "Meer mensen duurzaam aan het werk."),
    ("Onderwijs en talent", "Onderwijs en vaardigheden", "OCW",
     "Aansluiting onderwijs-arbeidsmarkt, behoud van talent."),
    ("Gezondheid en zorg", "Gezondheid", "VWS", "Gezondheidsachterstanden verkleinen."),
    ("Ondermijning", "Veiligheid", "JenV", "Weerbaarheid tegen georganiseerde criminaliteit."),
    ("Energietransitie", "Energietransitie", "EZK", "Verduurzaming van industrie en wijken."),
    ("Landbouw en stikstof", "Natuurlijk kapitaal", "LNV",
     "Toekomstbestendige landbouw en natuurherstel."),
    ("Vitale vakantieparken", "Veiligheid", "BZK", "Aanpak van verloederde vakantieparken."),
    ("Mobiliteit en bereikbaarheid", "Bereikbaarheid", "IenW", "Bereikbaarheid van de regio."),
    ("Innovatie en economie", "Materiële welvaart", "EZK", "Innovatiekracht van het mkb."),
    ("Bodemdaling en water", "Milieu", "IenW", "Bodemdaling in veenweidegebieden."),
    ("Krimp en voorzieningen", "Samenleving", "BZK", "Voorzieningen in krimpgebieden."),
    ("Armoede en schulden", "Materiële welvaart", "SZW", "Bestaanszekerheid van inwoners."),
    ("Cultuur en erfgoed", "Samenleving", "OCW", "Cultuur als motor van leefbaarheid."),
    ("Circulaire economie", "Grondstoffen en emissies elders", "IenW",
     "Minder grondstoffen, meer hergebruik."),
    ("Voedsel en gezonde leefstijl", "Gezondheid", "LNV", "Gezond voedsel, korte ketens."),
)

BUSINESS_SECTORS: tuple[str, ...] = (
    "Installatietechniek", "Bouw", "Logistiek", "Voedingsmiddelen", "Agro", "Engineering",
    "Zorgtechnologie", "Metaalbewerking", "Energie", "Software", "Kunststoffen",
    "Recreatie", "Vastgoed", "Machinebouw", "Tuinbouw", "Zuivel", "Watertechnologie",
)
BUSINESS_FORMS: tuple[str, ...] = ("B.V.", "B.V.", "Groep", "& Partners", "Holding")
SOCIETAL_KINDS: tuple[str, ...] = (
    "Stichting Welzijn", "Cultuurhuis", "Jongerenwerk", "Zorgcoöperatie", "Sportservice",
    "Bibliotheek", "Vrijwilligerscentrale", "Stichting Armoedepact",
)
CITIZEN_KINDS: tuple[str, ...] = ("Energiecoöperatie", "Dorpsraad", "Bewonersplatform")

TAGS: tuple[str, ...] = (
    "stuurgroep", "regiegroep", "kernteam", "programmabureau", "partnerraad", "bestuurder",
    "ondertekenaar", "cofinancier", "unusual suspect", "connectieplan",
)

#: Contact moment summaries: {deal}, {opgave}, {ministry} are filled in per deal.
SUMMARIES: tuple[str, ...] = (
    "Afstemming over {opgave} in Regio Deal {deal}",
    "Voorbereiding stuurgroep Regio Deal {deal}",
    "Bijpraten over de voortgang van de projecten ({deal})",
    "Vraag over de SiSa-verantwoording van de specifieke uitkering",
    "Verkenning aansluiting {ministry} bij {opgave}",
    "Signaal over een knelpunt in regelgeving rond {opgave}",
    "Kennismaking met nieuwe programmamanager {deal}",
    "Werkbezoek aan een project van Regio Deal {deal}",
    "Terugkoppeling van het Rijk-regio overleg {deal}",
    "Cofinanciering: toezeggingen van partners doorgenomen",
    "Nulmeting en indicatoren voor {opgave} besproken",
    "Overdracht van het dossier {deal} na functiewisseling",
    "Vervolgstappen {opgave}: wie bij {ministry} aanhaken?",
    "Voorbereiding bestuurlijk overleg met {ministry}",
)
FOLLOW_UPS: tuple[str, ...] = (
    "Notitie sturen", "Contact leggen met {ministry}", "Agenda stuurgroep voorbereiden",
    "Terugbellen over cofinanciering", "Reactie geven op conceptrapportage",
    "Afspraak plannen met de directeur", "Stukken doorsturen naar het programmabureau",
)

#: Commitment titles per kind value: {deal}, {opgave}, {ministry} filled in.
COMMITMENTS: dict[str, tuple[str, ...]] = {
    "financieel": ("Bijdrage aan projecten {deal}", "Cofinanciering programmabureau {deal}",
                   "Extra middelen voor {opgave}"),
    "capaciteit": ("Inzet van een kwartiermaker voor {opgave}",
                   "Capaciteit programmabureau {deal} (fte)", "Detachering beleidsmedewerker"),
    "inhoudelijk": ("Knelpunt in regelgeving rond {opgave} agenderen",
                    "Experimenteerruimte voor {opgave} verkennen",
                    "Kennis van {ministry} beschikbaar stellen"),
    "proces": ("Toegang tot de DG van {ministry} regelen", "Voortgangsrapportage aanleveren",
               "Verantwoording via SiSa aanleveren", "Rijk-regio overleg {deal} plannen"),
}

GOALS: tuple[str, ...] = (
    "Meer inwoners duurzaam aan het werk", "Betere aansluiting onderwijs en arbeidsmarkt",
    "Versterkte innovatiekracht van het mkb", "Vitale dorpen en wijken",
    "Gezondere leefstijl van inwoners", "Toekomstbestendige landbouw",
    "Minder ondermijning", "Voldoende betaalbare woningen", "Versnelde energietransitie",
)
PROJECT_PREFIXES: tuple[str, ...] = (
    "Campus", "Living lab", "Pilot", "Programma", "Werkplaats", "Versnellingstafel", "Fonds",
)
PROJECT_TOPICS: tuple[str, ...] = (
    "Slimme landbouw", "Talentontwikkeling", "Wijkaanpak", "Praktijkleren", "Circulaire bouw",
    "Gezonde school", "Ondermijning buitengebied", "Warmtenet", "Vakantieparken",
    "Digitale vaardigheden", "Zorg dichtbij", "Korte ketens", "Technologie in de zorg",
)

#: Indicators: (name, unit, source, direction value, baseline, yearly step); values of the
#: units in ``TENTHS_UNITS`` are in tenths (52 is 5,2%), the others whole numbers.
INDICATORS: tuple[tuple[str, str, str, str, int, int], ...] = (
    ("Werkloosheid", "%", "CBS", "lager_is_beter", 52, -3),
    ("Netto arbeidsparticipatie", "%", "CBS", "hoger_is_beter", 672, 6),
    ("Tevredenheid met het leven", "%", "CBS", "hoger_is_beter", 851, 4),
    ("Ervaren gezondheid goed of zeer goed", "%", "GGD-monitor", "hoger_is_beter", 744, 5),
    ("Opgeleverde woningen", "aantal", "Regionale monitor", "hoger_is_beter", 4200, 350),
    ("Deelnemende bedrijven", "aantal", "Projectadministratie", "hoger_is_beter", 150, 80),
    ("Studenten in praktijkleerroutes", "aantal", "Projectadministratie",
     "hoger_is_beter", 800, 300),
    ("CO2-uitstoot", "kton", "PBL", "lager_is_beter", 1800, -60),
    ("Stikstofdepositie", "mol/ha/jr", "RIVM", "lager_is_beter", 1520, -40),
    ("Meldingen van ondermijning", "aantal", "Politie", "hoger_is_beter", 900, 60),
    ("Brede welvaart (regionale index)", "index", "CBS Monitor Brede Welvaart",
     "hoger_is_beter", 1000, 8),
)

TENTHS_UNITS = ("%", "index")

MANDATE_TOPICS: tuple[str, ...] = (
    "Procesafspraken en agendering binnen de Regio Deal",
    "Toezeggingen over capaciteit van het programmabureau",
    "Verschuivingen tussen projecten binnen de Rijksbijdrage",
)
ADJUSTMENT_REASONS: tuple[str, ...] = (
    "Project loopt achter door personeelstekort; planning verschoven.",
    "Cofinanciering van een partner valt weg; ambitie bijgesteld.",
    "Indicator bleek niet meetbaar; vervangen door een regionale monitor.",
    "Middelen verschoven naar het best presterende project.",
)

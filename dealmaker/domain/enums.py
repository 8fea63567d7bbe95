"""The vocabularies of the domain. Values are stored; labels are shown (Dutch). Most are
closed; kinds of commitment and party roles are open (``OpenLabeled``): the user extends
them in Instellingen."""

from __future__ import annotations

from enum import StrEnum


class Labeled(StrEnum):
    """A StrEnum whose members carry a Dutch display label."""

    @property
    def label(self) -> str:
        """The Dutch label; by default the value with underscores as spaces."""
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())


class OpenLabeled(Labeled):
    """A vocabulary the user can extend (Instellingen): the members are the defaults; any
    other non-empty text up to 40 characters is a valid value too, its own label."""

    @classmethod
    def _missing_(cls, value: object) -> OpenLabeled | None:
        if not isinstance(value, str) or not value.strip() or len(value) > 40:
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        # one object per value, as for the members (identity comparisons hold)
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]

    @property
    def is_default(self) -> bool:
        return self._name_ in type(self).__members__

    @property
    def label(self) -> str:
        return super().label if self.is_default else self.value


class Side(Labeled):
    RIJK = "rijk"
    REGIO = "regio"


class OrgKind(Labeled):
    MINISTERIE = "ministerie"
    DG = "directoraat_generaal"
    DIRECTIE = "directie"
    AFDELING = "afdeling"
    PROVINCIE = "provincie"
    GEMEENTE = "gemeente"
    WATERSCHAP = "waterschap"
    SAMENWERKINGSVERBAND = "samenwerkingsverband"
    BEDRIJF = "bedrijf"
    KENNISINSTELLING = "kennisinstelling"
    MAATSCHAPPELIJK = "maatschappelijke_organisatie"
    KOEPEL = "koepel"
    INWONERSINITIATIEF = "inwonersinitiatief"
    OVERIG = "overig"


class Levensgemeenschap(Labeled):
    BESTUURLIJK = "bestuurlijk"
    ECONOMISCH = "economisch"
    MAATSCHAPPELIJK = "maatschappelijk"


class Helix(Labeled):
    OVERHEID = "overheid"
    ONDERNEMERS = "ondernemers"
    ONDERWIJS_KENNIS = "onderwijs_kennis"
    MAATSCHAPPELIJK = "maatschappelijk"
    INWONERS = "inwoners"


class Instrument(Labeled):
    DECENTRALISATIE_UITKERING = "decentralisatie_uitkering"
    SPECIFIEKE_UITKERING = "specifieke_uitkering"


class DealPhase(Labeled):
    VOORSTEL = "voorstel"
    UITWERKING = "uitwerking"
    UITVOERING = "uitvoering"
    AFGEROND = "afgerond"


class PartyRole(OpenLabeled):
    INDIENER = "indiener"
    ONDERTEKENAAR = "ondertekenaar"
    COFINANCIER = "cofinancier"
    UITVOERDER = "uitvoerder"
    ADVISEUR = "adviseur"


class RelationKind(Labeled):
    WERKRELATIE = "werkrelatie"
    BESTUURLIJK = "bestuurlijk"
    INHOUDELIJK = "inhoudelijk"
    INFORMEEL = "informeel"
    LIJN = "lijn"


class OpgaveRole(Labeled):
    """What a person or unit is to an opgave (connectieplan)."""

    EIGENAAR = "eigenaar"
    WERKT_AAN = "werkt_aan"


class InteractionKind(Labeled):
    OVERLEG = "overleg"
    TELEFOON = "telefoon"
    EMAIL = "email"
    EVENEMENT = "evenement"
    WERKBEZOEK = "werkbezoek"


class Direction(Labeled):
    INKOMEND = "inkomend"
    UITGAAND = "uitgaand"
    WEDERZIJDS = "wederzijds"


class CommitmentKind(OpenLabeled):
    FINANCIEEL = "financieel"
    CAPACITEIT = "capaciteit"
    INHOUDELIJK = "inhoudelijk"
    PROCES = "proces"


class CommitmentState(Labeled):
    CONCEPT = "concept"
    AFGESPROKEN = "afgesproken"
    BEVESTIGD = "bevestigd"
    NAGEKOMEN = "nagekomen"
    VERVALLEN = "vervallen"

    @property
    def is_open(self) -> bool:
        """Still to be fulfilled (not fulfilled and not lapsed)."""
        return self not in (CommitmentState.NAGEKOMEN, CommitmentState.VERVALLEN)


class Sector(Labeled):
    PUBLIEK = "publiek"
    PRIVAAT = "privaat"


class ContributionForm(Labeled):
    IN_CASH = "in_cash"
    IN_NATURA = "in_natura"


class IndicatorLevel(Labeled):
    PROJECT = "project"
    PROGRAMMA = "programma"


class AdjustmentLevel(Labeled):
    """Where a bijsturing is made; the first two share their values with IndicatorLevel."""

    PROJECT = "project"
    PROGRAMMA = "programma"
    GOVERNANCE = "governance"


class IndicatorDirection(Labeled):
    HOGER_IS_BETER = "hoger_is_beter"
    LAGER_IS_BETER = "lager_is_beter"


class WelvaartDimension(Labeled):
    HIER_EN_NU = "hier_en_nu"
    LATER = "later"
    ELDERS = "elders"


class MeetingKind(Labeled):
    RIJK_REGIO_OVERLEG = "rijk_regio_overleg"
    STUURGROEP = "stuurgroep"
    REGIEGROEP = "regiegroep"
    KERNTEAM = "kernteam"
    BESTUURLIJK_OVERLEG = "bestuurlijk_overleg"


class TrafficLight(Labeled):
    GROEN = "groen"
    ORANJE = "oranje"
    ROOD = "rood"


_LABELS: dict[str, str] = {
    "rijk": "Rijk",
    "regio": "Regio",
    "directoraat_generaal": "Directoraat-generaal",
    "maatschappelijke_organisatie": "Maatschappelijke organisatie",
    "onderwijs_kennis": "Onderwijs/kennis",
    "decentralisatie_uitkering": "Decentralisatie-uitkering",
    "specifieke_uitkering": "Specifieke uitkering",
    "email": "E-mail",
    "in_cash": "In cash",
    "in_natura": "In natura",
    "hoger_is_beter": "Hoger is beter",
    "lager_is_beter": "Lager is beter",
    "hier_en_nu": "Hier en nu",
    "rijk_regio_overleg": "Rijk-regio overleg",
}

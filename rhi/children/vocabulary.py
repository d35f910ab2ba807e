"""The words used about children, defined once."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class LegalStatus(StrEnum):
    """A child's legal status; the API codes are ``home``, ``cin``, ``cp`` and ``lac``."""

    HOME = "home"
    CHILD_IN_NEED = "cin"
    CHILD_PROTECTION = "cp"
    LOOKED_AFTER = "lac"

    @property
    def label(self) -> str:
        return str(LEGAL_STATUS_LABELS[self])

    @property
    def in_care(self) -> bool:
        return self is LegalStatus.LOOKED_AFTER


LEGAL_STATUS_LABELS = {
    LegalStatus.HOME: _l("At home"),
    LegalStatus.CHILD_IN_NEED: _l("Child in need"),
    LegalStatus.CHILD_PROTECTION: _l("Child protection"),
    LegalStatus.LOOKED_AFTER: _l("Looked after (in care)"),
}


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    NOT_KNOWN = "not_known"

    @property
    def label(self) -> str:
        return str(GENDER_LABELS[self])


GENDER_LABELS = {
    Gender.FEMALE: _l("Female"),
    Gender.MALE: _l("Male"),
    Gender.NON_BINARY: _l("Non-binary"),
    Gender.NOT_KNOWN: _l("Not known"),
}


class Vulnerability(StrEnum):
    AUTISM = "autism"
    ADHD = "adhd"
    LEARNING_DISABILITY = "learning_disability"
    MENTAL_HEALTH = "mental_health"
    SEND = "send"
    SUBSTANCE_MISUSE = "substance_misuse"
    EXPLOITATION_RISK = "exploitation_risk"

    @property
    def label(self) -> str:
        return str(VULNERABILITY_LABELS[self])

    @property
    def neurodivergent(self) -> bool:
        return self in {Vulnerability.AUTISM, Vulnerability.ADHD}


VULNERABILITY_LABELS = {
    Vulnerability.AUTISM: _l("Autism (neurodivergent)"),
    Vulnerability.ADHD: _l("ADHD (neurodivergent)"),
    Vulnerability.LEARNING_DISABILITY: _l("Learning disability"),
    Vulnerability.MENTAL_HEALTH: _l("Mental health needs"),
    Vulnerability.SEND: _l("Special educational needs"),
    Vulnerability.SUBSTANCE_MISUSE: _l("Substance misuse"),
    Vulnerability.EXPLOITATION_RISK: _l("Known risk of exploitation"),
}

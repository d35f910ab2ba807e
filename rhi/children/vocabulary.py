"""The words used about children, defined once."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from rhi.vocabulary import Labelled


class LegalStatus(Labelled):
    """A child's legal status; the API codes are ``home``, ``cin``, ``cp`` and ``lac``."""

    HOME = "home", _l("At home")
    CHILD_IN_NEED = "cin", _l("Child in need")
    CHILD_PROTECTION = "cp", _l("Child protection")
    LOOKED_AFTER = "lac", _l("Looked after (in care)")

    @property
    def in_care(self) -> bool:
        return self is LegalStatus.LOOKED_AFTER


class Gender(Labelled):
    FEMALE = "female", _l("Female")
    MALE = "male", _l("Male")
    NON_BINARY = "non_binary", _l("Non-binary")
    NOT_KNOWN = "not_known", _l("Not known")


class Vulnerability(Labelled):
    AUTISM = "autism", _l("Autism (neurodivergent)")
    ADHD = "adhd", _l("ADHD (neurodivergent)")
    LEARNING_DISABILITY = "learning_disability", _l("Learning disability")
    MENTAL_HEALTH = "mental_health", _l("Mental health needs")
    SEND = "send", _l("Special educational needs")
    SUBSTANCE_MISUSE = "substance_misuse", _l("Substance misuse")
    EXPLOITATION_RISK = "exploitation_risk", _l("Known risk of exploitation")

    @property
    def neurodivergent(self) -> bool:
        return self in {Vulnerability.AUTISM, Vulnerability.ADHD}

"""The words of the structured interview record, defined once.

Push and pull factors are theme ids from ``nlp.taxonomy``; the exploitation
indicators and referral targets below are this form's own lists. Their ids are
stored in the record, so they never change; their labels may.
"""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from rhi.interviews.vocabulary import RhiStatus

# The interview can be recorded (drafted and submitted) only in these states.
RECORDABLE = frozenset({RhiStatus.ACCEPTED, RhiStatus.SCHEDULED, RhiStatus.RETURNED_FOR_CHANGES})
# Once submitted, the RHI is in one of these until a manager returns it.
SUBMITTED = frozenset({RhiStatus.COMPLETED, RhiStatus.SIGNED_OFF})

# Long enough for a whole conversation in the child's words; short enough to
# keep one record from swamping a page, an export or the tagger.
MAX_TEXT = 10_000

# The record's free-text answers, in the order the form asks for them.
TEXT_FIELDS: tuple[str, ...] = (
    "present",
    "where_stayed",
    "stayed_with",
    "travel",
    "harm",
    "substances",
    "school",
    "health",
    "child_wants",
    "child_words",
    "worker_analysis",
    "actions",
    "parent_information",
)
# The record's multiple-choice answers.
CHOICE_FIELDS: tuple[str, ...] = (
    "push_factors",
    "pull_factors",
    "exploitation_indicators",
    "referrals",
)


class ExploitationIndicator(StrEnum):
    """Signs of child sexual or criminal exploitation a worker looks for."""

    OLDER_ASSOCIATES = "older_associates"
    GIFTS_OR_MONEY = "gifts_or_money"
    NEW_PHONES = "new_phones"
    OUT_OF_AREA = "out_of_area"
    CARRYING = "carrying"
    DEBT = "debt"
    LIFTS = "lifts"
    UNKNOWN_ADDRESSES = "unknown_addresses"
    ONLINE_CONTACT = "online_contact"
    IMAGES = "images"
    SUPPLIED_SUBSTANCES = "supplied_substances"
    INJURIES = "injuries"
    WEAPON = "weapon"
    THREATS = "threats"

    @property
    def label(self) -> str:
        return str(INDICATOR_LABELS[self])


INDICATOR_LABELS = {
    ExploitationIndicator.OLDER_ASSOCIATES: _l("Older or adult associates"),
    ExploitationIndicator.GIFTS_OR_MONEY: _l("Unexplained gifts, money or clothes"),
    ExploitationIndicator.NEW_PHONES: _l("New, extra or unexplained phones"),
    ExploitationIndicator.OUT_OF_AREA: _l("Found or taken out of area ('going country')"),
    ExploitationIndicator.CARRYING: _l("Holding or carrying drugs, cash or packages"),
    ExploitationIndicator.DEBT: _l("Owes money or a drug debt"),
    ExploitationIndicator.LIFTS: _l("Lifts in cars from adults"),
    ExploitationIndicator.UNKNOWN_ADDRESSES: _l("Taken to hotels, flats or unknown addresses"),
    ExploitationIndicator.ONLINE_CONTACT: _l("Contact with unknown adults online"),
    ExploitationIndicator.IMAGES: _l("Asked for or sent sexual images"),
    ExploitationIndicator.SUPPLIED_SUBSTANCES: _l("Given alcohol or drugs by others"),
    ExploitationIndicator.INJURIES: _l("Unexplained injuries"),
    ExploitationIndicator.WEAPON: _l("Carrying a weapon"),
    ExploitationIndicator.THREATS: _l("Threats or violence towards the child or their family"),
}


class ReferralTarget(StrEnum):
    """Who the worker referred the child to after the interview."""

    POLICE = "police"
    EXPLOITATION_TEAM = "exploitation_team"
    CAMHS = "camhs"
    SCHOOL = "school"
    YOUTH_SERVICE = "youth_service"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(REFERRAL_LABELS[self])


REFERRAL_LABELS = {
    ReferralTarget.POLICE: _l("Police"),
    ReferralTarget.EXPLOITATION_TEAM: _l("Exploitation team"),
    ReferralTarget.CAMHS: _l("CAMHS (child and adolescent mental health services)"),
    ReferralTarget.SCHOOL: _l("School"),
    ReferralTarget.YOUTH_SERVICE: _l("Youth service"),
    ReferralTarget.OTHER: _l("Other (say who in the actions)"),
}

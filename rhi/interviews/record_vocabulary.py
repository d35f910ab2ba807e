"""The words of the structured interview record, defined once.

Push and pull factors are theme ids from ``nlp.taxonomy``; the exploitation
indicators and referral targets below are this form's own lists. Their ids are
stored in the record, so they never change; their labels may.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from rhi.interviews.vocabulary import RhiStatus
from rhi.vocabulary import Labelled

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


class ExploitationIndicator(Labelled):
    """Signs of child sexual or criminal exploitation a worker looks for."""

    OLDER_ASSOCIATES = "older_associates", _l("Older or adult associates")
    GIFTS_OR_MONEY = "gifts_or_money", _l("Unexplained gifts, money or clothes")
    NEW_PHONES = "new_phones", _l("New, extra or unexplained phones")
    OUT_OF_AREA = "out_of_area", _l("Found or taken out of area ('going country')")
    CARRYING = "carrying", _l("Holding or carrying drugs, cash or packages")
    DEBT = "debt", _l("Owes money or a drug debt")
    LIFTS = "lifts", _l("Lifts in cars from adults")
    UNKNOWN_ADDRESSES = "unknown_addresses", _l("Taken to hotels, flats or unknown addresses")
    ONLINE_CONTACT = "online_contact", _l("Contact with unknown adults online")
    IMAGES = "images", _l("Asked for or sent sexual images")
    SUPPLIED_SUBSTANCES = "supplied_substances", _l("Given alcohol or drugs by others")
    INJURIES = "injuries", _l("Unexplained injuries")
    WEAPON = "weapon", _l("Carrying a weapon")
    THREATS = "threats", _l("Threats or violence towards the child or their family")


class ReferralTarget(Labelled):
    """Who the worker referred the child to after the interview."""

    POLICE = "police", _l("Police")
    EXPLOITATION_TEAM = "exploitation_team", _l("Exploitation team")
    CAMHS = "camhs", _l("CAMHS (child and adolescent mental health services)")
    SCHOOL = "school", _l("School")
    YOUTH_SERVICE = "youth_service", _l("Youth service")
    OTHER = "other", _l("Other (say who in the actions)")

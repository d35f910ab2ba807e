"""Words for theme suggestions and their review, defined once."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from rhi.vocabulary import Labelled

# The themes are the nlp package's (nlp/taxonomy.py); this is their review.

# Evidence at or above this score counts as strong enough to accept in bulk.
STRONG_SCORE = 0.85


class TextSource(Labelled):
    INTERVIEW = "interview", _l("Interview notes")
    SMS = "sms", _l("Text message")


class Decision(Labelled):
    PENDING = "pending", _l("Not reviewed")
    ACCEPTED = "accepted", _l("Accepted")
    REJECTED = "rejected", _l("Rejected")


class Origin(Labelled):
    TAGGER = "tagger", _l("Suggested by the tagger")
    REVIEWER = "reviewer", _l("Added by a reviewer")

"""The surveys Homeward ships with, so a new council has something to start from.

Their wording is in ``feedback.messages`` and translated in the catalogues;
an administrator can change any of it (``feedback.templates``).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from feedback.messages import DEFAULT_CHANGED_CHOICES, DEFAULT_QUESTIONS
from feedback.models import SurveyQuestion, SurveyTemplate
from feedback.vocabulary import Audience, QuestionKind, Trigger
from rhi.database import transactional
from rhi.extensions import db


@dataclass(frozen=True)
class _Shipped:
    name: str
    audience: Audience
    trigger: Trigger
    delay_days: int
    questions: tuple[tuple[str, QuestionKind], ...]
    reminder_after_hours: int | None = 24
    expires_after_hours: int = 72


SHIPPED = (
    _Shipped(
        "After an interview: young person",
        Audience.CHILD,
        Trigger.RHI_COMPLETED,
        0,
        (
            ("helpful", QuestionKind.RATING),
            ("listened", QuestionKind.YES_NO),
            ("say", QuestionKind.FREE_TEXT),
            ("callback", QuestionKind.YES_NO),
        ),
    ),
    _Shipped(
        "After an interview: parent or carer",
        Audience.PARENT,
        Trigger.RHI_COMPLETED,
        0,
        (("helpful", QuestionKind.RATING), ("say", QuestionKind.FREE_TEXT)),
    ),
    _Shipped(
        "Four weeks on: young person",
        Audience.CHILD,
        Trigger.RHI_COMPLETED,
        28,
        (("changed", QuestionKind.CHOICE), ("say", QuestionKind.FREE_TEXT)),
        expires_after_hours=120,
    ),
    _Shipped(
        "After a declined interview: parent or carer",
        Audience.PARENT,
        Trigger.RHI_DECLINED,
        0,
        (("say", QuestionKind.FREE_TEXT), ("callback", QuestionKind.YES_NO)),
    ),
)


@transactional
def ensure_shipped_templates() -> int:
    """Add any shipped survey missing by name. Returns how many were added."""
    added = 0
    for shipped in SHIPPED:
        exists = db.session.scalar(
            sa.select(SurveyTemplate.id).where(SurveyTemplate.name == shipped.name)
        )
        if exists is not None:
            continue
        template = SurveyTemplate(
            name=shipped.name,
            audience=shipped.audience,
            trigger=shipped.trigger,
            delay_days=shipped.delay_days,
            greeting={},
            thanks={},
            reminder_after_hours=shipped.reminder_after_hours,
            expires_after_hours=shipped.expires_after_hours,
        )
        for position, (key, kind) in enumerate(shipped.questions, 1):
            choices = {"en": list(DEFAULT_CHANGED_CHOICES)} if kind is QuestionKind.CHOICE else {}
            template.questions.append(
                SurveyQuestion(
                    position=position,
                    kind=kind,
                    key=key,
                    text={"en": DEFAULT_QUESTIONS[key]},
                    choices=choices,
                    asks_for_callback=key == "callback",
                )
            )
        db.session.add(template)
        added += 1
    return added

"""Young people's words approved for sharing, and the "you said, we did" log.

A participation officer picks a free-text reply and approves a *copy* of it:
the reply pseudonymised (the child's and contacts' names to initials, phone
numbers and emails hidden, ``rhi.themes.review.pseudonymise``), then edited
by the officer, who must confirm it names no one and could not identify the
young person. The copy is pseudonymised again when saved, so a name typed
back in by mistake is caught too. Texts marked urgent are never shared.

The log links themes and approved quotes to the change the service made.
Entries are edited with a version check (a save based on an older version is
refused, not merged) and are public only once published. Every approval,
withdrawal, addition, change, publication and unpublication is audited;
nothing here logs or audits a message's words or a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from feedback.models import SmsMessage
from feedback.results import Period, free_text, voice_label
from feedback.vocabulary import Audience, Direction
from feedback.voice_models import ServiceChange, SharedQuote
from nlp.taxonomy import THEME_IDS, THEMES
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, NotFound, RuleBroken
from rhi.extensions import db
from rhi.insights.filters import uk_today
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.review import pseudonymise
from rhi.themes.sources import SOURCES, SourceText
from rhi.themes.vocabulary import Decision, TextSource

# An SMS is at most 1,600 characters; a quote is that or shorter.
MAX_QUOTE = 1600
MAX_WORDS = 2000  # "you said", "we did"
MAX_RESPONSIBLE = 120
MAX_REASON = 500
# The free-text replies listed to choose quotes from, newest first.
REPLIES_SHOWN = 50


def theme_name(theme_id: str | None) -> str:
    """A theme's name, translated (its id when the taxonomy no longer has it)."""
    if not theme_id:
        return ""
    for theme in THEMES:
        if theme.id == theme_id:
            return _(theme.name)
    return theme_id


# --- Replies to choose quotes from ------------------------------------------------


def _source_texts(ids: list[int]) -> dict[int, SourceText]:
    """Received texts by id, with the names a reader must not see (``feedback.theme_source``)."""
    source = SOURCES.get(TextSource.SMS)
    return source.fetch(ids) if source is not None and ids else {}


def _pseudonymised(message: SmsMessage, texts: dict[int, SourceText]) -> str:
    found = texts.get(message.id)
    return pseudonymise(message.body, found.private if found else (message.phone,))


def _accepted_themes(message_ids: list[int]) -> dict[int, list[str]]:
    if not message_ids:
        return {}
    rows = db.session.execute(
        sa.select(TaggedText.source_id, ThemeSuggestion.theme)
        .join(ThemeSuggestion, ThemeSuggestion.text_id == TaggedText.id)
        .where(
            TaggedText.source == TextSource.SMS.value,
            TaggedText.source_id.in_(message_ids),
            ThemeSuggestion.decision == Decision.ACCEPTED.value,
        )
        .order_by(ThemeSuggestion.theme)
    )
    found: dict[int, list[str]] = {}
    for message_id, theme in rows:
        found.setdefault(int(message_id), []).append(str(theme))
    return found


def _quotes_in_force(message_ids: list[int]) -> dict[int, int]:
    if not message_ids:
        return {}
    rows = db.session.execute(
        sa.select(SharedQuote.message_id, SharedQuote.id).where(
            SharedQuote.message_id.in_(message_ids), SharedQuote.withdrawn_at.is_(None)
        )
    )
    return {
        int(message_id): int(quote_id) for message_id, quote_id in rows if message_id is not None
    }


@dataclass(frozen=True)
class Reply:
    """A free-text reply as a participation officer may see it: pseudonymised, no number."""

    message_id: int
    received_at: datetime
    audience: str | None
    text: str
    urgent: bool
    themes: list[str] = field(default_factory=list)
    quote_id: int | None = None  # the quote approved from it, if one is in force
    conversation_id: int | None = None

    @property
    def voice(self) -> str:
        return voice_label(self.audience)


def _replies(messages: list[SmsMessage]) -> list[Reply]:
    ids = [message.id for message in messages]
    texts = _source_texts(ids)
    themes = _accepted_themes(ids)
    quotes = _quotes_in_force(ids)
    return [
        Reply(
            message_id=message.id,
            received_at=message.created_at,
            audience=message.conversation.audience if message.conversation else None,
            text=_pseudonymised(message, texts),
            urgent=message.urgent,
            themes=themes.get(message.id, []),
            quote_id=quotes.get(message.id),
            conversation_id=message.conversation_id,
        )
        for message in messages
    ]


def free_text_replies(period: Period, limit: int = REPLIES_SHOWN) -> list[Reply]:
    """The newest free-text replies received in ``period``, pseudonymised."""
    messages = db.session.scalars(
        sa.select(SmsMessage)
        .where(free_text(), *period.where(SmsMessage.created_at))
        .options(selectinload(SmsMessage.conversation))
        .order_by(SmsMessage.created_at.desc(), SmsMessage.id.desc())
        .limit(limit)
    ).all()
    return _replies(list(messages))


def reply_to_share(message_id: int) -> Reply:
    """One received text, pseudonymised, to approve a quote from (any received text)."""
    message = db.session.get(SmsMessage, message_id)
    if message is None or message.direction != Direction.INBOUND:
        raise NotFound(_("There is no such text"))
    return _replies([message])[0]


# --- Quotes -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteDetails:
    text: str
    audience: str
    theme: str | None
    checked: bool  # "I have checked this names no one and could not identify them"


def _check_quote(details: QuoteDetails) -> str:
    words = " ".join((details.text or "").split())
    if not words:
        raise RuleBroken(_("Enter the words to share"), "text")
    if len(words) > MAX_QUOTE:
        raise RuleBroken(
            _("The words to share must be %(n)s characters or fewer", n=f"{MAX_QUOTE:,}"), "text"
        )
    if details.audience not in {audience.value for audience in Audience}:
        raise RuleBroken(
            _("Select whether a young person or a parent or carer said this"), "audience"
        )
    if details.theme and details.theme not in THEME_IDS:
        raise RuleBroken(_("Choose a theme from the list"), "theme")
    if not details.checked:
        raise RuleBroken(
            _("Confirm you have checked the words name no one and could not identify anyone"),
            "checked",
        )
    return words


@transactional
def approve_quote(message_id: int, details: QuoteDetails, *, by: User) -> SharedQuote:
    """Store a pseudonymised, edited copy of a received text as approved for sharing."""
    message = db.session.get(SmsMessage, message_id)
    if message is None or message.direction != Direction.INBOUND:
        raise NotFound(_("There is no such text"))
    if message.urgent:
        raise RuleBroken(
            _("This text was marked urgent. Words from an urgent text are not shared.")
        )
    words = _check_quote(details)
    if _quotes_in_force([message.id]):
        raise Conflict(_("Words from this text are already approved for sharing"))
    found = _source_texts([message.id]).get(message.id)
    # Pseudonymised again: a name typed back in by mistake is caught too.
    words = pseudonymise(words, found.private if found else (message.phone,))
    quote = SharedQuote(
        message_id=message.id,
        text=words,
        audience=details.audience,
        theme=details.theme or None,
        approved_at=utcnow(),
        approved_by=by,
    )
    db.session.add(quote)
    try:
        db.session.flush()
    except IntegrityError:
        # Another approval of the same text won (a double click): one quote, not two.
        raise Conflict(_("Words from this text are already approved for sharing")) from None
    record(
        AuditAction.QUOTE_APPROVED,
        object_type="shared_quote",
        object_id=quote.id,
        detail={
            "message_id": message.id,
            "audience": quote.audience,
            "theme": quote.theme,
            "characters": len(words),
            "checked_names_no_one": True,
        },
        actor=by,
    )
    return quote


@transactional
def withdraw_quote(quote_id: int, reason: str | None, *, by: User) -> SharedQuote:
    """Stop sharing a quote: it leaves every "you said, we did" entry and the public page."""
    quote = db.session.get(SharedQuote, quote_id)
    if quote is None:
        raise NotFound(_("There is no such quote"))
    if quote.withdrawn_at is not None:
        raise Conflict(_("This quote has already been withdrawn"))
    why = " ".join((reason or "").split())
    if not why:
        raise RuleBroken(_("Enter why you are withdrawing this quote"), "reason")
    if len(why) > MAX_REASON:
        raise RuleBroken(_("The reason must be %(n)s characters or fewer", n=MAX_REASON), "reason")
    quote.withdrawn_at = utcnow()
    quote.withdrawn_by = by
    quote.withdrawn_reason = why
    record(
        AuditAction.QUOTE_WITHDRAWN,
        object_type="shared_quote",
        object_id=quote.id,
        detail={"message_id": quote.message_id},
        actor=by,
    )
    return quote


def find_quote(quote_id: int) -> SharedQuote:
    quote = db.session.get(SharedQuote, quote_id)
    if quote is None:
        raise NotFound(_("There is no such quote"))
    return quote


def quotes(*, in_force_only: bool = False) -> list[SharedQuote]:
    """Approved quotes, newest first (withdrawn ones too, unless asked not to)."""
    query = (
        sa.select(SharedQuote)
        .options(selectinload(SharedQuote.approved_by), selectinload(SharedQuote.withdrawn_by))
        .order_by(SharedQuote.approved_at.desc(), SharedQuote.id.desc())
    )
    if in_force_only:
        query = query.where(SharedQuote.withdrawn_at.is_(None))
    return list(db.session.scalars(query))


# --- "You said, we did" -----------------------------------------------------------


@dataclass(frozen=True)
class ChangeDetails:
    you_said: str
    we_did: str
    changed_on: date | None
    responsible: str
    theme: str | None = None
    quote_ids: tuple[int, ...] = ()


def _stale() -> str:
    return _(
        "Someone else changed this entry while you were working on it. "
        "Your changes have not been saved."
    )


def _words(text: str | None, name: str, missing: str, limit: int) -> str:
    value = (text or "").strip()
    if not value:
        raise RuleBroken(missing, name)
    if len(value) > limit:
        raise RuleBroken(_("Enter %(n)s characters or fewer", n=f"{limit:,}"), name)
    return value


def _apply(change: ServiceChange, details: ChangeDetails, by: User) -> None:
    you_said = _words(
        details.you_said, "you_said", _("Enter what young people or parents said"), MAX_WORDS
    )
    we_did = _words(details.we_did, "we_did", _("Enter what the service did"), MAX_WORDS)
    if details.changed_on is None:
        raise RuleBroken(_("Enter the date of the change"), "changed_on")
    if details.changed_on > uk_today():
        raise RuleBroken(_("The date of the change must be today or in the past"), "changed_on")
    responsible = _words(
        details.responsible,
        "responsible",
        _("Enter the team or service that made the change"),
        MAX_RESPONSIBLE,
    )
    if details.theme and details.theme not in THEME_IDS:
        raise RuleBroken(_("Choose a theme from the list"), "theme")
    chosen = set(details.quote_ids)
    linked = {quote.id for quote in change.quotes}
    found = (
        list(db.session.scalars(sa.select(SharedQuote).where(SharedQuote.id.in_(chosen))))
        if chosen
        else []
    )
    usable = [q for q in found if q.withdrawn_at is None or q.id in linked]
    if len(usable) != len(chosen):
        raise RuleBroken(_("Choose quotes from the list"), "quotes")
    change.you_said = you_said
    change.we_did = we_did
    change.changed_on = details.changed_on
    change.responsible = responsible
    change.theme = details.theme or None
    # A withdrawn quote stays off: it can be kept only if it was already linked.
    change.quotes = sorted(usable, key=lambda q: q.id)
    change.updated_at = utcnow()
    change.updated_by = by


def _audit_change(action: AuditAction, change: ServiceChange, by: User) -> None:
    record(
        action,
        object_type="service_change",
        object_id=change.id,
        detail={
            "version": change.version,
            "published": change.published,
            "theme": change.theme,
            "quote_ids": [quote.id for quote in change.quotes],
        },
        actor=by,
    )


@transactional
def add_change(details: ChangeDetails, *, by: User) -> ServiceChange:
    """A new entry in the log, not yet published."""
    change = ServiceChange(published=False, created_at=utcnow(), created_by=by)
    _apply(change, details, by)
    db.session.add(change)
    db.session.flush()
    _audit_change(AuditAction.SERVICE_CHANGE_ADDED, change, by)
    return change


def find_change(change_id: int) -> ServiceChange:
    change = db.session.get(ServiceChange, change_id)
    if change is None:
        raise NotFound(_("There is no such entry"))
    return change


def _save(change: ServiceChange, action: AuditAction, by: User) -> ServiceChange:
    try:
        db.session.flush()
    except StaleDataError:
        # Saved by someone else between our check and our write.
        raise Conflict(_stale(), "version") from None
    _audit_change(action, change, by)
    return change


@transactional
def change_change(
    change_id: int, details: ChangeDetails, *, by: User, expected_version: int
) -> ServiceChange:
    """Edit an entry; refused when someone else saved it since the form was opened."""
    change = find_change(change_id)
    if change.version != expected_version:
        raise Conflict(_stale(), "version")
    _apply(change, details, by)
    return _save(change, AuditAction.SERVICE_CHANGE_CHANGED, by)


@transactional
def set_published(
    change_id: int, published: bool, *, by: User, expected_version: int
) -> ServiceChange:
    """Show the entry on the public page, or take it off."""
    change = find_change(change_id)
    if change.version != expected_version:
        raise Conflict(_stale(), "version")
    if change.published == published:
        raise Conflict(
            _("This entry is already published")
            if published
            else _("This entry is already unpublished")
        )
    change.published = published
    change.published_at = utcnow() if published else None
    change.updated_at = utcnow()
    change.updated_by = by
    action = (
        AuditAction.SERVICE_CHANGE_PUBLISHED
        if published
        else AuditAction.SERVICE_CHANGE_UNPUBLISHED
    )
    return _save(change, action, by)


def changes() -> list[ServiceChange]:
    """Every entry, newest change first."""
    return list(
        db.session.scalars(
            sa.select(ServiceChange)
            .options(selectinload(ServiceChange.quotes), selectinload(ServiceChange.updated_by))
            .order_by(ServiceChange.changed_on.desc(), ServiceChange.id.desc())
        )
    )


# --- The public page ----------------------------------------------------------------


@dataclass(frozen=True)
class PublicQuote:
    text: str
    audience: str  # Audience value

    @property
    def said_by(self) -> str:
        """Who said it, as the public page puts it: never more than young person or parent."""
        if self.audience == Audience.CHILD:
            return _("A young person")
        return _("A parent or carer")


@dataclass(frozen=True)
class PublicChange:
    """An entry as anyone may see it: no staff, no case, no message, only words."""

    you_said: str
    we_did: str
    changed_on: date
    responsible: str
    quotes: list[PublicQuote]


def published_changes() -> list[PublicChange]:
    """Published entries, newest change first, each with its quotes still in force."""
    found = db.session.scalars(
        sa.select(ServiceChange)
        .where(ServiceChange.published.is_(True))
        .options(selectinload(ServiceChange.quotes))
        .order_by(ServiceChange.changed_on.desc(), ServiceChange.id.desc())
    ).all()
    return [
        PublicChange(
            you_said=change.you_said,
            we_did=change.we_did,
            changed_on=change.changed_on,
            responsible=change.responsible,
            quotes=[
                PublicQuote(text=quote.text, audience=quote.audience)
                for quote in change.quotes
                if quote.withdrawn_at is None
            ],
        )
        for change in found
    ]

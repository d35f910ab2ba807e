"""Retention: children's records go on the right day, with everything about them, and nothing else.

A looked-after child's record is kept to their 75th birthday, another child's to
their 25th (configurable); texts outside any conversation for 730 days. The
purge follows every foreign key from the child, so these tests check every
table for rows left behind rather than a list of tables.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from feedback.models import SmsMessage
from feedback.vocabulary import Direction, MessageKind
from rhi.audit.models import AuditEvent
from rhi.children.models import Child
from rhi.config import ConfigError, load_settings
from rhi.extensions import db
from rhi.interviews.record import InterviewRecord
from rhi.retention import Policy, born_before, expired_children, purge
from rhi.themes.models import TaggedText
from rhi.themes.tagging import tag_pending
from tests.factories import create_team, create_user
from tests.feedback_factories import create_contact
from tests.workflow_factories import create_child, create_returned_episode, url_values

POLICY = Policy(looked_after_age=75, other_age=25, unmatched_sms_days=730, audit_years=0)
TODAY = date(2026, 11, 26)


def expired_on(today: date) -> list[str]:
    ids = list(db.session.scalars(expired_children(today, POLICY)))
    return sorted(db.session.get(Child, id_).case_ref for id_ in ids)


@pytest.mark.parametrize(
    ("legal_status", "born", "today", "purged"),
    [
        ("lac", date(2010, 11, 26), date(2085, 11, 26), True),  # 75 today
        ("lac", date(2010, 11, 26), date(2085, 11, 25), False),  # 75 tomorrow
        ("lac", date(2001, 11, 26), TODAY, False),  # 25 today, but in care: kept to 75
        ("home", date(2001, 11, 26), TODAY, True),  # 25 today
        ("cp", date(2001, 11, 27), TODAY, False),  # 25 tomorrow
        ("cin", date(1995, 1, 1), TODAY, True),
    ],
)
def test_a_child_is_due_on_the_birthday_that_ends_their_keeping(
    app_ctx, legal_status, born, today, purged
):
    child = create_child(legal_status=legal_status, date_of_birth=born)
    assert expired_on(today) == ([child.case_ref] if purged else [])


def test_a_leap_day_birthday_counts_from_the_first_of_march(app_ctx):
    child = create_child(legal_status="home", date_of_birth=date(2000, 2, 29))
    assert expired_on(date(2025, 2, 28)) == []
    assert expired_on(date(2025, 3, 1)) == [child.case_ref]
    assert born_before(date(2028, 2, 29), 25) == date(2003, 3, 1)


def row_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table)) or 0
        for table in db.metadata.sorted_tables
    }


def rows_naming(child_id: int) -> dict[str, int]:
    """Rows in any table with a child_id column that still name ``child_id``."""
    found = {}
    for table in db.metadata.sorted_tables:
        if "child_id" in table.c:
            count = db.session.scalar(
                sa.select(sa.func.count()).select_from(table).where(table.c.child_id == child_id)
            )
            if count:
                found[table.name] = count
    return found


@pytest.fixture
def two_children(app_ctx):
    """One child past their keeping date with a full history, one who is not."""
    team = create_team("Retention team")
    worker = create_user(role="rhi_worker", team=team)
    values = url_values(team, worker)  # episodes, a meeting, a contact, texts, an alert, tags
    old = db.session.scalar(sa.select(Child).where(Child.case_ref == values["case_ref"]))
    assert old is not None
    old.date_of_birth = date(1950, 1, 1)
    db.session.add(InterviewRecord(rhi_id=values["rhi_id"], harm="Invented note for Jordan."))
    young = create_child(team=team, legal_status="home", given_name="Kept")
    create_returned_episode(young, started_at=datetime(2026, 11, 1, tzinfo=UTC))
    contact = create_contact(young, worker)
    db.session.commit()
    while tag_pending():
        pass
    return old, young, contact


def test_the_purge_deletes_the_child_and_everything_about_them(two_children):
    old, young, _contact = two_children
    old_id, young_id = old.id, young.id
    young_rows = rows_naming(young_id)
    assert set(rows_naming(old_id)) >= {
        "episode",
        "return_interview",
        "meeting_task",
        "sms_contact",
        "urgent_alert",
        "tagged_text",
    }

    report = purge(TODAY, policy=POLICY)
    db.session.expire_all()

    assert report.children == 1
    assert rows_naming(old_id) == {}
    assert db.session.get(Child, old_id) is None
    assert report.rows["child"] == 1 and report.rows["episode"] == 4
    # Texts, answers and tags about the child went with the conversation.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SmsMessage)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(InterviewRecord)) == 0
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(TaggedText).where(TaggedText.child_id.is_(None))
        )
        == 0
    )
    # The other child is untouched.
    assert rows_naming(young_id) == young_rows
    audit = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "retention_purged")
    ).one()
    assert audit.detail["children"] == 1
    assert audit.detail["rows"]["episode"] == 4
    assert "Jordan" not in str(audit.detail) and "Testperson" not in str(audit.detail)


def test_a_quote_approved_for_sharing_stays_without_its_source(two_children):
    """Approved quotes are anonymised copies: the purge cuts their link and keeps them."""
    from feedback.voice_models import ServiceChange, SharedQuote

    # url_values approved words from one of the purged child's texts, for a "you said, we did".
    quote = db.session.scalars(sa.select(SharedQuote)).one()
    assert quote.message_id is not None
    words = quote.text
    report = purge(TODAY, policy=POLICY)
    db.session.expire_all()
    kept = db.session.get(SharedQuote, quote.id)
    assert kept is not None and kept.message_id is None
    assert kept.text == words
    assert report.cut_links["shared_quote"] == 1
    change = db.session.scalars(sa.select(ServiceChange)).one()
    assert [q.id for q in change.quotes] == [quote.id]


def test_a_dry_run_counts_the_same_rows_and_deletes_none(two_children):
    before = row_counts()
    dry = purge(TODAY, dry_run=True, policy=POLICY)
    assert row_counts() == before
    assert dry.children == 1 and dry.total > 10
    assert not db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "retention_purged")
    ).all()
    real = purge(TODAY, policy=POLICY)
    assert dict(real.rows) == dict(dry.rows)


def test_a_second_purge_finds_nothing(two_children):
    purge(TODAY, policy=POLICY)
    again = purge(TODAY, policy=POLICY)
    assert again.children == 0 and again.total == 0


def stray_text(received: datetime) -> int:
    message = SmsMessage(
        direction=Direction.INBOUND.value,
        kind=MessageKind.RECEIVED.value,
        phone="+447700900123",
        body="Invented text from a number nobody knows",
        created_at=received,
    )
    db.session.add(message)
    db.session.commit()
    return message.id


def test_texts_outside_any_conversation_go_after_730_days(app_ctx):
    midnight = datetime(2026, 11, 26, tzinfo=UTC)
    old = stray_text(midnight - timedelta(days=730, seconds=1))
    kept = stray_text(midnight - timedelta(days=729, hours=23))
    report = purge(TODAY, policy=POLICY)
    db.session.expire_all()
    assert report.rows["sms_message"] == 1
    assert db.session.get(SmsMessage, old) is None
    assert db.session.get(SmsMessage, kept) is not None


def test_the_command_prints_the_report(two_children, app_ctx):
    old_id = two_children[0].id
    runner = app_ctx.test_cli_runner()
    result = runner.invoke(args=["retention", "purge", "--dry-run", "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    assert "Children past their keeping date: 1" in result.output
    assert "Would delete" in result.output and "Dry run: nothing was deleted." in result.output
    assert "Jordan" not in result.output
    result = runner.invoke(args=["retention", "purge", "--today", "2026-11-26"])
    assert "Deleted" in result.output
    db.session.expire_all()
    assert db.session.get(Child, old_id) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("RETENTION_OTHER_AGE", "0"),
        ("RETENTION_LOOKED_AFTER_AGE", "17"),
        ("RETENTION_UNMATCHED_SMS_DAYS", "1"),
    ],
)
def test_a_retention_period_too_short_to_be_meant_is_refused(name, value):
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})

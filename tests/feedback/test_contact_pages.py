"""A child's contacts for text messages: the pages workers use to add and change them.

Numbers are stored in E.164 and shown as people write them; consent, the
competence judgement and safe to text are the service's rules, shown on the form.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from feedback.contacts import ContactDetails, change_contact
from feedback.models import Contact, NumberStatus
from feedback.vocabulary import Audience, ConsentGivenBy, ConsentMethod
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback_factories import create_contact
from tests.pages import banner_text, error_messages, normalise
from tests.workflow_factories import create_child

# All invented; the number is in Ofcom's drama range.
YOUNG_PERSON = {
    "audience": "child",
    "name": "Kai",
    "phone": "07700 900123",
    "language": "en",
    "consent": "yes",
    "consent_given_by": "young_person",
    "consent_method": "verbal",
    "competence_note": "Understood what we send and how to stop it",
    "safe_to_text": "yes",
    "safe_to_text_reason": "Confirmed with Kai alone at the interview",
}


@pytest.fixture
def team() -> Team:
    return create_team("Ashfield RHI team")


@pytest.fixture
def worker(team: Team) -> User:
    return create_user(Role.RHI_WORKER, full_name="Robin Ashdown", team=team)


@pytest.fixture
def child(team: Team) -> Child:
    # Born 2011: under 16, so their own consent needs a competence judgement.
    return create_child(team=team, given_name="Kai", family_name="Underwood")


def list_url(child: Child) -> str:
    return f"/children/{child.case_ref}/text-contacts"


def add_url(child: Child) -> str:
    return f"/children/{child.case_ref}/text-contacts/add"


def edit_url(child: Child, contact: Contact) -> str:
    return f"/children/{child.case_ref}/text-contacts/{contact.id}"


def stored() -> list[Contact]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Contact).order_by(Contact.id)))


def audit_rows(action: AuditAction) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


def card_rows(card: Any) -> dict[str, str]:
    return {
        normalise(row.select_one(".govuk-summary-list__key").get_text()): normalise(
            row.select_one(".govuk-summary-list__value").get_text(" ")
        )
        for row in card.select(".govuk-summary-list__row")
    }


def refused(client_request: Any, url: str, data: dict[str, str], status: int = 422) -> Any:
    return client_request.post(url, data, expected_status=status)


class TestAdding:
    def test_a_worker_adds_the_young_persons_number(self, client_request, worker, child):
        sign_in(client_request, worker)
        page = client_request.get(list_url(child))
        assert page.select_one("#no-contacts") is not None
        form = client_request.get(add_url(child))
        assert form.select_one("#competence-explained") is not None
        assert form.select(".govuk-radios__conditional")

        response = client_request.post_response(add_url(child), YOUNG_PERSON)
        assert response.headers["Location"] == list_url(child)

        (contact,) = stored()
        assert contact.phone == "+447700900123"
        assert contact.child_id == child.id
        assert contact.consent and contact.consent_at is not None
        assert contact.safe_to_text and contact.safe_to_text_at is not None
        assert contact.updated_by_id == worker.id

        page = client_request.get(list_url(child))
        assert "Contact added" in banner_text(page)
        (card,) = page.select(".govuk-summary-card")
        assert "Kai (Young person)" in normalise(card.get_text(" "))
        rows = card_rows(card)
        assert rows["Mobile number"] == "07700 900123"
        assert rows["Language"] == "English"
        assert rows["Consent"].startswith("Yes, given by the young person")
        assert "Competence judgement: Understood what we send" in rows["Consent"]
        assert rows["Safe to text"].startswith("Yes: Confirmed with Kai alone")
        assert rows["Opted out"] == "No"
        assert rows["Can we text them now?"] == "Yes"
        assert card.select_one(f"a[href='{edit_url(child, contact)}']") is not None

    def test_an_invalid_number_is_refused_and_nothing_stored(self, client_request, worker, child):
        sign_in(client_request, worker)
        page = refused(client_request, add_url(child), {**YOUNG_PERSON, "phone": "07700 9001"})
        assert error_messages(page) == ["Enter a real mobile phone number, like 07700 900123"]
        assert page.title.get_text().startswith("Error: ")
        assert page.select_one("#phone-error") is not None
        # What was typed stays on screen.
        assert page.select_one("input[name=phone]")["value"] == "07700 9001"
        assert stored() == []

        page = refused(client_request, add_url(child), {**YOUNG_PERSON, "phone": "not a number"})
        assert error_messages(page) == ["Enter a mobile phone number, like 07700 900123"]
        assert stored() == []

    def test_under_16s_own_consent_needs_the_competence_judgement(
        self, client_request, worker, child
    ):
        sign_in(client_request, worker)
        page = refused(client_request, add_url(child), {**YOUNG_PERSON, "competence_note": "  "})
        (message,) = error_messages(page)
        assert message.startswith("The young person is under 16")
        assert page.select_one("#competence_note-error") is not None
        assert stored() == []

    def test_a_parents_consent_needs_no_competence_judgement(self, client_request, worker, child):
        sign_in(client_request, worker)
        client_request.post_response(
            add_url(child),
            {
                **YOUNG_PERSON,
                "audience": "parent",
                "name": "Mum",
                "consent_given_by": "parent",
                "competence_note": "",
            },
        )
        (contact,) = stored()
        assert contact.audience == Audience.PARENT and contact.competence_note is None

    def test_consent_needs_who_and_how(self, client_request, worker, child):
        sign_in(client_request, worker)
        data = {k: v for k, v in YOUNG_PERSON.items() if k != "consent_given_by"}
        page = refused(client_request, add_url(child), data)
        assert error_messages(page) == ["Select who gave consent"]
        assert stored() == []

    def test_safe_to_text_needs_a_reason(self, client_request, worker, child):
        sign_in(client_request, worker)
        page = refused(client_request, add_url(child), {**YOUNG_PERSON, "safe_to_text_reason": ""})
        assert error_messages(page) == ["Say how you know this number is theirs and safe to text"]
        assert page.select_one("#safe_to_text_reason-error") is not None
        assert stored() == []

    def test_the_form_asks_for_the_yes_no_answers(self, client_request, worker, child):
        sign_in(client_request, worker)
        page = refused(client_request, add_url(child), {"name": "Kai"}, status=200)
        assert error_messages(page) == [
            "Select whether this is the young person or a parent or carer",
            "Choose a language we can text in",
            "Select whether they have agreed to be sent text messages",
            "Select whether this number is safe to text",
        ]
        assert stored() == []

    def test_without_consent_the_list_says_why_they_are_not_texted(
        self, client_request, worker, child
    ):
        create_contact(child, worker, consent=False, safe_to_text=False, name="Dad")
        sign_in(client_request, worker)
        page = client_request.get(list_url(child))
        rows = card_rows(page.select_one(".govuk-summary-card"))
        assert rows["Consent"] == "No"
        assert rows["Can we text them now?"] == "No No consent to be texted"

    def test_an_opted_out_number_is_shown(self, client_request, worker, child):
        contact = create_contact(child, worker)
        db.session.add(NumberStatus(phone=contact.phone, opted_out=True, source="keyword"))
        db.session.commit()
        sign_in(client_request, worker)
        rows = card_rows(client_request.get(list_url(child)).select_one(".govuk-summary-card"))
        assert rows["Opted out"] == "Yes: they texted STOP"
        assert rows["Can we text them now?"] == "No The number has opted out (texted STOP)"


class TestChanging:
    def test_a_worker_changes_a_contact(self, client_request, worker, child):
        contact = create_contact(child, worker, phone="07700 900124")
        sign_in(client_request, worker)
        form = client_request.get(edit_url(child, contact))
        assert form.select_one("input[name=version]")["value"] == "1"
        assert form.select_one("input[name=phone]")["value"] == "+447700900124"
        assert form.select_one("input[name=active][value=yes]").has_attr("checked")

        client_request.post_response(
            edit_url(child, contact),
            {**YOUNG_PERSON, "phone": "07700 900125", "active": "no", "version": "1"},
        )
        (saved,) = stored()
        assert saved.phone == "+447700900125" and saved.active is False and saved.version == 2
        rows = card_rows(client_request.get(list_url(child)).select_one(".govuk-summary-card"))
        assert rows["Still in use"] == "No"
        assert rows["Can we text them now?"] == "No The contact is no longer in use"
        (event,) = audit_rows(AuditAction.SMS_CONTACT_CHANGED)
        assert event.actor_id == worker.id and event.object_id == str(child.id)
        assert "900125" not in str(event.detail)

    def test_a_stale_save_is_refused(self, client_request, worker, child, team):
        contact = create_contact(child, worker)
        sign_in(client_request, worker)
        client_request.get(edit_url(child, contact))
        # Someone else saves first.
        other = create_user(Role.TEAM_MANAGER, team=team)
        change_contact(
            contact,
            ContactDetails(
                audience=Audience.CHILD,
                name="Kai's own phone",
                phone=contact.phone,
                language="en",
                consent=True,
                consent_given_by=ConsentGivenBy.YOUNG_PERSON,
                consent_method=ConsentMethod.WRITTEN,
                competence_note="Understood",
                safe_to_text=False,
            ),
            by=other,
            expected_version=1,
        )
        page = client_request.post(
            edit_url(child, contact),
            {**YOUNG_PERSON, "name": "Mine", "active": "yes", "version": "1"},
            expected_status=409,
        )
        (message,) = error_messages(page)
        assert message.startswith("Someone else changed this contact")
        assert page.select_one("#version") is not None
        assert page.select_one("input[name=name]")["value"] == "Mine"
        (saved,) = stored()
        assert saved.name == "Kai's own phone" and saved.version == 2

    def test_a_contact_of_another_child_is_not_found(self, client_request, worker, child, team):
        other_child = create_child(team=team)
        contact = create_contact(other_child, worker)
        sign_in(client_request, worker)
        client_request.get(edit_url(child, contact), expected_status=404)
        client_request.post_response(
            edit_url(child, contact),
            {**YOUNG_PERSON, "version": "1"},
            expected_status=404,
            form_url=add_url(child),
        )
        client_request.get(f"/children/{child.case_ref}/text-contacts/999999", expected_status=404)


class TestAccess:
    def test_a_worker_of_another_team_gets_not_found(self, client_request, worker, child):
        contact = create_contact(child, worker)
        stranger = create_user(Role.RHI_WORKER, team=create_team("Bassetlaw RHI team"))
        sign_in(client_request, stranger)
        client_request.get(list_url(child), expected_status=404)
        client_request.get(add_url(child), expected_status=404)
        client_request.get(edit_url(child, contact), expected_status=404)
        assert audit_rows(AuditAction.CHILD_VIEWED) == []

    def test_participation_officers_are_refused(self, client_request, worker, child):
        contact = create_contact(child, worker)
        officer = create_user(Role.PARTICIPATION_OFFICER)
        sign_in(client_request, officer)
        client_request.get(list_url(child), expected_status=403)
        client_request.get(add_url(child), expected_status=403)
        client_request.get(edit_url(child, contact), expected_status=403)

    def test_a_team_manager_may_manage_contacts(self, client_request, child, team):
        manager = create_user(Role.TEAM_MANAGER, team=team)
        sign_in(client_request, manager)
        client_request.get(list_url(child))
        client_request.get(add_url(child))

    def test_looking_is_audited_as_a_view_of_the_child(self, client_request, worker, child):
        contact = create_contact(child, worker)
        sign_in(client_request, worker)
        client_request.get(list_url(child))
        client_request.get(edit_url(child, contact))
        events = audit_rows(AuditAction.CHILD_VIEWED)
        assert [e.request_path for e in events] == [list_url(child), edit_url(child, contact)]
        assert {(e.object_type, e.object_id, e.actor_id) for e in events} == {
            ("child", str(child.id), worker.id)
        }

    def test_adding_is_audited_without_the_number(self, client_request, worker, child):
        sign_in(client_request, worker)
        client_request.post_response(add_url(child), YOUNG_PERSON)
        (event,) = audit_rows(AuditAction.SMS_CONTACT_ADDED)
        assert (event.object_type, event.object_id, event.actor_id) == (
            "child",
            str(child.id),
            worker.id,
        )
        assert "900123" not in str(event.detail)

    def test_the_childs_page_links_to_the_contacts(self, client_request, worker, child):
        sign_in(client_request, worker)
        page = client_request.get(f"/children/{child.case_ref}")
        assert page.select_one(f"#text-contacts a[href='{list_url(child)}']") is not None

    def test_administrators_see_no_link(self, client_request, child):
        sign_in(client_request, create_user(Role.ADMIN))
        page = client_request.get(f"/children/{child.case_ref}")
        assert page.select_one("#text-contacts") is None
        client_request.get(list_url(child), expected_status=403)

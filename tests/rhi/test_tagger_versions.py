"""The tagger's model versions: administrators see each one's held-out figures and choose one.

A second version is made by copying the shipped model into the models
directory with a different build record (so a different version string), as
``python -m nlp train --output`` would leave it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from nlp.compiled_rules import COMPILED_RULES_NAME
from nlp.textcat import BUILD_INFO_NAME, FIGURES_NAME, MODEL_DIR, THRESHOLDS_NAME
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.themes.models import TaggedText, TaggerChoice
from rhi.themes.tagging import model_version, tag_pending
from rhi.themes.versions import SHIPPED, list_versions, model_in_use, version_of
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest
from tests.rhi.test_themes import WORDS, submitted_interview

SHIPPED_FIGURES = json.loads((MODEL_DIR / FIGURES_NAME).read_text())


@pytest.fixture
def models_dir(app_ctx, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "models"
    root.mkdir()
    monkeypatch.setitem(app_ctx.config, "NLP_MODELS_DIR", str(root))
    return root


def add_version(root: Path, name: str, micro_f1: float) -> Path:
    """A copy of the shipped model under another build record and other figures."""
    path = root / name
    shutil.copytree(MODEL_DIR, path)
    build = json.loads((path / BUILD_INFO_NAME).read_text())
    (path / BUILD_INFO_NAME).write_text(json.dumps({**build, "retrained": name}))
    (path / FIGURES_NAME).write_text(json.dumps({**SHIPPED_FIGURES, "micro_f1": micro_f1}))
    return path


@pytest.fixture
def admin_page(client_request: ClientRequest) -> ClientRequest:
    sign_in(client_request, create_user(Role.ADMIN, full_name="Ada Admin"))
    return client_request


def row_text(page, name: str) -> str:  # type: ignore[no-untyped-def]
    row = page.select_one(f'tr[data-version="{name}"]')
    assert row is not None, name
    return " ".join(row.get_text(" ").split())


def test_the_page_lists_each_version_with_its_held_out_figures(models_dir, admin_page):
    add_version(models_dir, "2026-11-retrained", 0.912)
    page = admin_page.get("/admin/tagger-models")
    shipped = row_text(page, SHIPPED)
    assert "In use" in shipped
    assert f"{SHIPPED_FIGURES['micro_f1']:.3f}" in shipped
    weakest = min(SHIPPED_FIGURES["labels"], key=SHIPPED_FIGURES["labels"].get)
    assert weakest in shipped
    retrained = row_text(page, "2026-11-retrained")
    assert "0.912" in retrained and "In use" not in retrained
    assert version_of(models_dir / "2026-11-retrained") in retrained
    assert version_of(models_dir / "2026-11-retrained") != version_of(MODEL_DIR)


def test_choosing_a_version_retags_texts_in_the_background_keeping_it_audited(
    models_dir, admin_page
):
    team = create_team("North team")
    submitted_interview(team, child_words=WORDS)
    assert tag_pending() == 1
    shipped_version = model_version()
    path = add_version(models_dir, "retrained", 0.9)

    response = admin_page.post_response(
        "/admin/tagger-models/retrained/use", form_url="/admin/tagger-models"
    )
    assert response.headers["Location"] == "/admin/tagger-models"
    assert model_in_use() == ("retrained", path)
    assert model_version() == version_of(path) != shipped_version
    choice = db.session.scalars(sa.select(TaggerChoice)).one()
    assert choice.model == "retrained"
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "tagger_model_chosen")
    ).one()
    assert event.detail == {"before": SHIPPED, "after": "retrained"}

    assert tag_pending() == 1  # the worker's next round tags the text again
    assert tag_pending() == 0
    [tagged] = db.session.scalars(sa.select(TaggedText)).all()
    assert tagged.model_version == version_of(path)
    page = admin_page.get("/admin/tagger-models")
    assert "In use" in row_text(page, "retrained")
    assert "1 of 1 tagged texts" in " ".join(page.get_text(" ").split())


def test_a_model_refitted_to_new_rules_is_a_new_version(models_dir):
    """`python -m nlp train --retune` keeps the build record but renews the
    thresholds and expanded rules: stored texts must be tagged again."""
    path = add_version(models_dir, "refitted", 0.9)
    before = version_of(path)
    thresholds = json.loads((path / THRESHOLDS_NAME).read_text())
    thresholds["labels"]["cse"]["model"] = 0.5
    (path / THRESHOLDS_NAME).write_text(json.dumps(thresholds))
    assert version_of(path) != before
    refitted = version_of(path)
    (path / COMPILED_RULES_NAME).unlink()
    assert version_of(path) not in (before, refitted)


def test_a_chosen_version_that_has_gone_falls_back_to_the_shipped_model(models_dir, admin_page):
    path = add_version(models_dir, "short-lived", 0.85)
    admin_page.post_response(
        "/admin/tagger-models/short-lived/use", form_url="/admin/tagger-models"
    )
    shutil.rmtree(path)
    assert model_in_use() == (SHIPPED, MODEL_DIR)
    page = admin_page.get("/admin/tagger-models")
    assert "is no longer on disk" in page.get_text()
    assert [v.name for v in list_versions()] == [SHIPPED]


def test_an_unknown_version_is_not_found(models_dir, admin_page):
    admin_page.post_response(
        "/admin/tagger-models/no-such-model/use",
        form_url="/admin/tagger-models",
        expected_status=404,
    )
    assert db.session.scalars(sa.select(TaggerChoice)).all() == []

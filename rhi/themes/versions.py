"""Tagger model versions: which exist, their held-out figures, and which one tags texts.

A version is a directory holding a trained model: "shipped" is the one in
``nlp/model``; others are directories under ``NLP_MODELS_DIR`` made by
``python -m nlp train --output <NLP_MODELS_DIR>/<name>`` (for example with the
reviewers' corrections). Each carries ``figures.json``, its figures on the
held-out test split, written by training. An administrator chooses the version
in use (``TaggerChoice``, audited); the worker then tags texts tagged by any
other version again, batch by batch, keeping reviewers' decisions.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.database import transactional
from rhi.domain import NotFound
from rhi.extensions import db
from rhi.themes.models import TaggedText, TaggerChoice

SHIPPED = "shipped"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class ModelVersion:
    name: str
    path: Path
    version: str  # what tagged texts record (TaggedText.model_version)
    built_at: datetime
    train_texts: int | None
    figures: dict[str, Any] | None  # figures.json: None for a model trained before them
    in_use: bool
    texts: int  # texts this version has tagged

    @property
    def weakest_label(self) -> tuple[str, float] | None:
        if not self.figures:
            return None
        labels: dict[str, float] = self.figures["labels"]
        theme = min(labels, key=labels.__getitem__)
        return theme, labels[theme]


def _shipped_dir() -> Path:
    from nlp.textcat import MODEL_DIR

    return MODEL_DIR


def models_dir() -> Path:
    return Path(current_app.config["NLP_MODELS_DIR"])


def version_of(model_dir: Path | None) -> str:
    """The version string texts record: the pipeline version and a hash of what
    decides the tags (the tagger's code, and the model's build record, thresholds
    and expanded rules), so new rules or a retuned model tag the texts again."""
    from nlp.compiled_rules import COMPILED_RULES_NAME
    from nlp.pipeline import PIPELINE_VERSION, code_digest
    from nlp.textcat import BUILD_INFO_NAME, THRESHOLDS_NAME

    build = model_dir / BUILD_INFO_NAME if model_dir else None
    if build is None or not build.exists():
        return PIPELINE_VERSION
    sha = hashlib.sha256(code_digest().encode())
    for name in (BUILD_INFO_NAME, THRESHOLDS_NAME, COMPILED_RULES_NAME):
        path = build.with_name(name)
        sha.update(path.read_bytes() if path.exists() else b"")
    return f"{PIPELINE_VERSION}+{sha.hexdigest()[:12]}"


def _directories() -> dict[str, Path]:
    from nlp.textcat import model_available

    found = {SHIPPED: _shipped_dir()}
    root = models_dir()
    if root.is_dir():
        for child in sorted(root.iterdir()):
            if NAME.match(child.name) and child.name != SHIPPED and model_available(child):
                found[child.name] = child
    return found


def chosen_name() -> str:
    """The version an administrator chose last (the shipped one until someone chooses)."""
    latest = db.session.scalar(
        sa.select(TaggerChoice.model).order_by(
            TaggerChoice.chosen_at.desc(), TaggerChoice.id.desc()
        )
    )
    return latest or SHIPPED


def model_in_use() -> tuple[str, Path | None]:
    """The name and directory of the version that tags texts now.

    A chosen version whose directory has gone falls back to the shipped model
    (the page says so), so tagging never stops.
    """
    from nlp.textcat import model_available

    name = chosen_name()
    directories = _directories()
    path = directories.get(name)
    if path is None:
        name, path = SHIPPED, directories[SHIPPED]
    return name, path if model_available(path) else None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data


def list_versions() -> list[ModelVersion]:
    """Every version on disk, the one in use first, then the newest."""
    from nlp.textcat import BUILD_INFO_NAME, FIGURES_NAME

    in_use, _path = model_in_use()
    tagged = dict(
        db.session.execute(
            sa.select(TaggedText.model_version, sa.func.count()).group_by(TaggedText.model_version)
        ).all()
    )
    versions = []
    for name, path in _directories().items():
        build = _read(path / BUILD_INFO_NAME) or {}
        version = version_of(path)
        versions.append(
            ModelVersion(
                name=name,
                path=path,
                version=version,
                built_at=datetime.fromtimestamp((path / BUILD_INFO_NAME).stat().st_mtime, UTC)
                if (path / BUILD_INFO_NAME).exists()
                else datetime.fromtimestamp(path.stat().st_mtime, UTC),
                train_texts=build.get("train_texts"),
                figures=_read(path / FIGURES_NAME),
                in_use=name == in_use,
                texts=int(tagged.get(version, 0)),
            )
        )
    return sorted(versions, key=lambda v: (not v.in_use, -v.built_at.timestamp()))


def tagged_counts() -> tuple[int, int]:
    """(texts tagged by the version in use, all tagged texts): how far re-tagging has got."""
    _name, path = model_in_use()
    version = version_of(path)
    total = db.session.scalar(sa.select(sa.func.count(TaggedText.id))) or 0
    done = (
        db.session.scalar(
            sa.select(sa.func.count(TaggedText.id)).where(TaggedText.model_version == version)
        )
        or 0
    )
    return done, total


@transactional
def choose(name: str, *, by: User) -> TaggerChoice:
    """Put ``name`` in use; the worker re-tags texts in the background."""
    if name not in _directories():
        raise NotFound(_("There is no model version called %(name)s", name=name))
    before = chosen_name()
    choice = TaggerChoice(model=name, chosen_by=by)
    db.session.add(choice)
    db.session.flush()
    record(
        AuditAction.TAGGER_MODEL_CHOSEN,
        object_type="tagger_model",
        object_id=name,
        detail={"before": before, "after": name},
        actor=by,
    )
    return choice

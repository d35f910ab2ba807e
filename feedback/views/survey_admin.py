"""Survey templates for administrators: who gets which survey, when, and its questions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import SubmitField

from feedback import languages
from feedback import templates as services
from feedback.models import SurveyQuestion, SurveyTemplate
from feedback.views.survey_forms import (
    QuestionFormBase,
    TemplateFormBase,
    question_form,
    template_form,
)
from feedback.vocabulary import Audience, QuestionKind, Trigger
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import RuleBroken

bp = Blueprint("survey_admin", __name__)

QUESTIONS_ANCHOR = "questions"


class ActionForm(FlaskForm):
    """A button that POSTs one action; used to show a refused action in the error summary."""

    submit = SubmitField()

    @classmethod
    def refused(cls, anchor: str, message: str) -> ActionForm:
        form = cls()
        form.submit.id = anchor
        form.submit.errors = [message]
        return form


@dataclass(frozen=True)
class LanguageLength:
    language: str
    text: str
    length: services.Length


def _lengths(
    codes: list[str], texts: dict[str, str] | None, length: Callable[[str], services.Length]
) -> list[LanguageLength]:
    """Each language's own wording (blank when it has none) and the length of what is sent."""
    return [
        LanguageLength(languages.name_of(code), (texts or {}).get(code, ""), length(code))
        for code in codes
    ]


def _template_or_404(template_id: int) -> SurveyTemplate:
    template = services.find_template(template_id)
    if template is None:
        abort(404)
    return template


def _question_or_404(template: SurveyTemplate, question_id: int) -> SurveyQuestion:
    question = services.find_question(template, question_id)
    if question is None:
        abort(404)
    return question


def _labels() -> dict[str, object]:
    return {
        "audience_label": lambda code: Audience(code).label,
        "trigger_label": lambda code: Trigger(code).label,
        "kind_label": lambda code: QuestionKind(code).label,
    }


@bp.route("")
@permission_required(Permission.MANAGE_SURVEYS)
def list_templates() -> ResponseReturnValue:
    return render_template(
        "feedback/surveys/list.html", summaries=services.list_templates(), **_labels()
    )


@bp.route("/add-shipped", methods=["POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def add_shipped() -> ResponseReturnValue:
    added = services.add_shipped_templates(by=g.user)
    if added:
        flash(_("The standard surveys have been added."), "success")
    return redirect(url_for("survey_admin.list_templates"))


def _render_template_page(
    template: SurveyTemplate | None,
    details: TemplateFormBase,
    form: FlaskForm | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    codes = languages.available()
    questions = []
    first_texts: list[LanguageLength] = []
    thanks: list[LanguageLength] = []
    active = 0
    if template is not None:
        active = services.active_conversations(template)
        for question in template.questions:
            questions.append(
                (
                    question,
                    _lengths(codes, question.text, partial(services.question_length, question)),
                )
            )
        first_texts = _lengths(
            codes, template.greeting, partial(services.greeting_length, template)
        )
        thanks = _lengths(codes, template.thanks, partial(services.thanks_length, template))
    return (
        render_template(
            "feedback/surveys/template.html",
            template=template,
            details=details,
            form=form or details,
            questions=questions,
            first_texts=first_texts,
            thanks=thanks,
            active_conversations=active,
            questions_anchor=QUESTIONS_ANCHOR,
            **_labels(),
        ),
        status,
    )


@bp.route("/add", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def add_template() -> ResponseReturnValue:
    form = template_form()
    if request.method == "POST" and form.validate_on_submit():
        try:
            template = services.save_template(form.details(), by=g.user)
        except RuleBroken as refused:
            form.show_problem(refused)
            return _render_template_page(None, form, status=refused.status)
        flash(_("Survey added. Now add its questions."), "success")
        return redirect(url_for("survey_admin.edit_template", template_id=template.id))
    return _render_template_page(None, form)


@bp.route("/<int:template_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def edit_template(template_id: int) -> ResponseReturnValue:
    template = _template_or_404(template_id)
    form = template_form(template)
    if request.method == "POST" and form.validate_on_submit():
        try:
            services.save_template(form.details(), by=g.user, template=template)
        except RuleBroken as refused:
            form.show_problem(refused)
            return _render_template_page(template, form, status=refused.status)
        flash(_("Survey saved."), "success")
        return redirect(url_for("survey_admin.edit_template", template_id=template.id))
    return _render_template_page(template, form)


def _render_question(
    template: SurveyTemplate,
    form: QuestionFormBase,
    question: SurveyQuestion | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    return (
        render_template(
            "feedback/surveys/question.html",
            template=template,
            question=question,
            form=form,
        ),
        status,
    )


@bp.route("/<int:template_id>/questions/add", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def add_question(template_id: int) -> ResponseReturnValue:
    template = _template_or_404(template_id)
    form = question_form()
    if request.method == "POST" and form.validate_on_submit():
        try:
            services.save_question(template, form.details(), by=g.user)
        except RuleBroken as refused:
            form.show_problem(refused)
            return _render_question(template, form, status=refused.status)
        flash(_("Question added."), "success")
        return redirect(url_for("survey_admin.edit_template", template_id=template.id))
    return _render_question(template, form)


@bp.route("/<int:template_id>/questions/<int:question_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def edit_question(template_id: int, question_id: int) -> ResponseReturnValue:
    template = _template_or_404(template_id)
    question = _question_or_404(template, question_id)
    form = question_form(question)
    if request.method == "POST" and form.validate_on_submit():
        try:
            services.save_question(template, form.details(), by=g.user, question=question)
        except RuleBroken as refused:
            form.show_problem(refused)
            return _render_question(template, form, question, status=refused.status)
        flash(_("Question saved."), "success")
        return redirect(url_for("survey_admin.edit_template", template_id=template.id))
    return _render_question(template, form, question)


def _refused(
    template: SurveyTemplate, question: SurveyQuestion, error: RuleBroken
) -> ResponseReturnValue:
    return _render_template_page(
        template,
        template_form(template),
        ActionForm.refused(f"question-{question.id}", error.message),
        status=error.status,
    )


@bp.route("/<int:template_id>/questions/<int:question_id>/delete", methods=["POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def delete_question(template_id: int, question_id: int) -> ResponseReturnValue:
    template = _template_or_404(template_id)
    question = _question_or_404(template, question_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.delete_question(template, question, by=g.user)
    except RuleBroken as refused:
        return _refused(template, question, refused)
    flash(_("Question deleted."), "success")
    return redirect(url_for("survey_admin.edit_template", template_id=template.id))


@bp.route("/<int:template_id>/questions/<int:question_id>/move", methods=["POST"])
@permission_required(Permission.MANAGE_SURVEYS)
def move_question(template_id: int, question_id: int) -> ResponseReturnValue:
    template = _template_or_404(template_id)
    question = _question_or_404(template, question_id)
    try:
        direction = services.Direction(request.form.get("direction", ""))
    except ValueError:
        abort(400)
    try:
        services.move_question(template, question, direction, by=g.user)
    except RuleBroken as refused:
        return _refused(template, question, refused)
    flash(_("Question moved."), "success")
    return redirect(
        url_for("survey_admin.edit_template", template_id=template.id, _anchor=QUESTIONS_ANCHOR)
    )

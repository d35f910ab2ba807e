"""Sign in (password, then a TOTP code), two-factor set-up, sign out, password change."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import format_datetime
from flask_babel import gettext as _

from rhi.auth import services, totp
from rhi.auth.forms import ChangePasswordForm, CodeForm, SignInForm
from rhi.auth.models import User
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required, public, safe_next_url
from rhi.database import utcnow
from rhi.extensions import db, limiter

bp = Blueprint("auth", __name__)

PENDING_KEY = "pending_sign_in"
PENDING_LIFETIME = timedelta(minutes=5)


def _sign_in_limit() -> str:
    return str(current_app.config["SIGN_IN_RATE_LIMIT"])


def _pending_user() -> User | None:
    """The user who has passed the password step in the last few minutes."""
    pending = session.get(PENDING_KEY)
    if not pending:
        return None
    started = datetime.fromisoformat(pending["at"])
    if utcnow() - started > PENDING_LIFETIME:
        session.pop(PENDING_KEY, None)
        return None
    return db.session.get(User, pending["user_id"])


def _locked_message(error: services.AccountLocked) -> str:
    return _(
        "Your account is locked after too many attempts. Try again after %(time)s, "
        "or ask an administrator to unlock it.",
        time=format_datetime(error.until, "HH:mm"),
    )


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
@public
def sign_in() -> ResponseReturnValue:
    if g.user is not None:
        return redirect(url_for("main.home"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.check_password(form.email.data or "", form.password.data or "")
        except services.BadCredentials:
            form.email.errors.append(_("Enter a correct email address and password"))
        except services.AccountLocked as error:
            form.email.errors.append(_locked_message(error))
        except services.AccountDeactivated:
            return render_template("auth/account-deactivated.html"), 403
        else:
            next_url = safe_next_url(request.args.get("next"))
            session.clear()
            session[PENDING_KEY] = {"user_id": user.id, "at": utcnow().isoformat()}
            if next_url:
                session["next_url"] = next_url
            if user.has_two_factor:
                return redirect(url_for("auth.two_factor"))
            return redirect(url_for("auth.set_up_two_factor"))
    return render_template("auth/sign-in.html", form=form, demo_accounts=_demo_accounts())


def _demo_accounts() -> list[dict[str, str]]:
    """In demo mode only: the demo log-ins and their current codes."""
    if not current_app.config["HOMEWARD_DEMO"]:
        return []
    from rhi.demo import demo_accounts  # demo-only code stays out of normal requests

    return demo_accounts()


def _finish(user: User, form: CodeForm) -> ResponseReturnValue | None:
    next_url = session.get("next_url")  # read first: a new session starts empty
    try:
        services.complete_sign_in(user, form.code.data or "")
    except services.BadCode:
        form.code.errors.append(_("The security code is not correct, or has already been used"))
    except services.AccountLocked as error:
        form.code.errors.append(_locked_message(error))
    except services.AccountDeactivated:
        return render_template("auth/account-deactivated.html"), 403
    else:
        return redirect(safe_next_url(next_url) or url_for("main.home"))
    return None


@bp.route("/sign-in/security-code", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
@public
def two_factor() -> ResponseReturnValue:
    user = _pending_user()
    if user is None or not user.has_two_factor:
        flash(_("Sign in again to continue."), "info")
        return redirect(url_for("auth.sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        done = _finish(user, form)
        if done is not None:
            return done
    return render_template("auth/security-code.html", form=form, demo_code=_demo_code(user))


def _demo_code(user: User) -> str | None:
    if not current_app.config["HOMEWARD_DEMO"] or not user.totp_secret:
        return None
    return totp.current_code(user.totp_secret, utcnow())


@bp.route("/sign-in/set-up-security-codes", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
@public
def set_up_two_factor() -> ResponseReturnValue:
    user = _pending_user()
    if user is None:
        flash(_("Sign in again to continue."), "info")
        return redirect(url_for("auth.sign_in"))
    if user.has_two_factor:
        return redirect(url_for("auth.two_factor"))
    secret = services.begin_two_factor_set_up(user)
    form = CodeForm()
    if form.validate_on_submit():
        done = _finish(user, form)
        if done is not None:
            return done
    uri = totp.provisioning_uri(secret, user.email)
    return render_template(
        "auth/set-up-security-codes.html",
        form=form,
        qr_svg=totp.qr_code_svg(uri),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        demo_code=_demo_code(user),
    )


@bp.route("/sign-out", methods=["POST"])
@permission_required(Permission.USE_SERVICE)
def sign_out() -> ResponseReturnValue:
    services.sign_out(g.user)
    flash(_("You have signed out."), "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/account/change-password", methods=["GET", "POST"])
@permission_required(Permission.USE_SERVICE)
def change_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            ended = services.change_password(
                g.user,
                form.current_password.data or "",
                form.new_password.data or "",
                keep=g.user_session,
            )
        except services.PasswordRejected as error:
            getattr(form, error.field).errors.append(error.message)
        else:
            message = _("Your password has been changed.")
            if ended:
                message += " " + _("You have been signed out on your other devices.")
            flash(message, "success")
            return redirect(url_for("main.home"))
    return render_template("auth/change-password.html", form=form)

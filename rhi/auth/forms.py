from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Regexp


class SignInForm(FlaskForm):
    email = StringField(
        _l("Email address"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=_l("Enter your email address")),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.org")
            ),
            Length(max=254, message=_l("Email address must be 254 characters or fewer")),
        ],
    )
    password = PasswordField(
        _l("Password"),
        widget=GovPasswordInput(),
        validators=[
            DataRequired(message=_l("Enter your password")),
            Length(max=128, message=_l("Password must be 128 characters or fewer")),
        ],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class CodeForm(FlaskForm):
    code = StringField(
        _l("Security code"),
        description=_l("The 6-digit code shown in your authenticator app"),
        widget=GovTextInput(),
        validators=[
            DataRequired(message=_l("Enter the 6-digit security code")),
            Regexp(
                r"^\s*\d{3}\s?\d{3}\s*$",
                message=_l("Enter the security code as 6 digits, like 123456"),
            ),
        ],
    )
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        widget=GovPasswordInput(),
        validators=[DataRequired(message=_l("Enter your current password"))],
    )
    new_password = PasswordField(
        _l("New password"),
        description=_l("At least 12 characters. A few unrelated words together work well."),
        widget=GovPasswordInput(),
        validators=[DataRequired(message=_l("Enter a new password"))],
    )
    confirm_password = PasswordField(
        _l("Confirm new password"),
        widget=GovPasswordInput(),
        validators=[
            DataRequired(message=_l("Confirm your new password")),
            EqualTo("new_password", message=_l("The passwords you entered do not match")),
        ],
    )
    submit = SubmitField(_l("Change password"), widget=GovSubmitInput())

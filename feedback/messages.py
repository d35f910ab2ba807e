"""The automatic texts, in English as catalogue message ids, defined once.

Each is translated in rhi/translations/<lang>/LC_MESSAGES/messages.po and sent
with ``feedback.languages.translate``. They name the service, never the
child's missing episode: someone else may read the phone.
"""

from __future__ import annotations


def _l(message: str) -> str:
    """Marks a message id for ``make babel-extract``; translated when sent, per contact."""
    return message


GREETING = _l(
    "Hi, this is %(service)s, the team you spoke to recently. We would like to know what "
    "you think. Please reply to each question. Text STOP to stop."
)
THANKS = _l(
    "Thank you. Your answers help us do better. If you ever need to talk, Childline is free "
    "on %(childline)s."
)
REMINDER = _l(
    "A reminder from %(service)s: we would still like your answer to our last question. "
    "Text STOP to stop."
)
RATING_HINT = _l("Reply with a number from 1 (bad) to 5 (good).")
YES_NO_HINT = _l("Reply YES or NO.")
CHOICE_HINT = _l("Reply with a number:")
REASK = _l("Sorry, we did not understand that.")
STOPPED = _l("You will get no more texts from %(service)s. Text START to start again.")
STARTED = _l("You will get texts from %(service)s again. Text STOP to stop.")
HELP = _l(
    "This is %(service)s, from the council's children's services. Text STOP to stop our "
    "texts. In an emergency call %(emergency)s. Childline is free on %(childline)s."
)
SAFE_REPLY = _l(
    "We have your message and someone will contact you as soon as they can. If you are in "
    "danger now, call %(emergency)s. Childline is free, any time, on %(childline)s."
)
# Comma-separated words that mean yes / no, so each language lists its own.
YES_WORDS = _l("yes,y,yeah,yep,yh,ye,yea,ok,okay,sure,please")
NO_WORDS = _l("no,n,nah,nope,no thanks,no thank you")

# Sent to the duty contact: English, and nothing about who or what.
DUTY_ALERT = "Homeward: an urgent text needs a person now. Open Urgent texts in Homeward."

# The wording of the survey Homeward ships with (seeded by the demo and by the
# first-run command), marked here so its translations live in the catalogues.
DEFAULT_QUESTIONS = {
    "helpful": _l("How helpful was talking to us about what happened?"),
    "listened": _l("Did you feel listened to?"),
    "changed": _l("Has anything got better since we spoke?"),
    "say": _l("Is there anything you want to tell us? Your words help us change things."),
    "callback": _l("Would you like someone to contact you?"),
}
DEFAULT_CHANGED_CHOICES = (_l("Yes"), _l("A bit"), _l("No"), _l("Not sure"))

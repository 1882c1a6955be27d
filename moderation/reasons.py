"""Reason templates: the reasons a facilitator chooses from when acting, each with a short
label and the sentence the participant and the public read. A facilitator may add free text.

A fixed list rather than a model: the public register counts decisions by these codes, so they
must stay stable, and both languages come from the translation catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ReasonTemplate:
    code: str
    label: Promise
    text: Promise


TEMPLATES: tuple[ReasonTemplate, ...] = (
    ReasonTemplate("insult", _("Insult or slur"), _("The message contains an insult or a slur.")),
    ReasonTemplate(
        "personal_attack",
        _("Personal attack"),
        _("The message judges a person instead of speaking about ideas and situations."),
    ),
    ReasonTemplate("harassment", _("Harassment"), _("The message targets a participant again and again.")),
    ReasonTemplate(
        "discrimination",
        _("Discrimination"),
        _("The message rejects people for what they are (origin, sex, age, disability, religion…)."),
    ),
    ReasonTemplate("spam", _("Spam or advertising"), _("The message is advertising or repeated content.")),
    ReasonTemplate("off_topic", _("Off topic"), _("The message is not about the question of the debate.")),
    ReasonTemplate(
        "personal_data",
        _("Personal data"),
        _("The message publishes personal data (address, telephone, private life…)."),
    ),
    ReasonTemplate("charter", _("Charter not respected"), _("The message does not respect the charter of the debate.")),
    ReasonTemplate(
        "reviewed_ok", _("Reviewed: respects the charter"), _("A facilitator read it: it respects the charter.")
    ),
    ReasonTemplate("other", _("Other reason"), _("A facilitator decided so for another reason.")),
)
BY_CODE = {template.code: template for template in TEMPLATES}
# Codes of the reports' reasons (debates.Report.Reason) that have a template of the same code.
REPORT_CODES = ("insult", "harassment", "discrimination", "spam", "off_topic", "personal_data", "other")
AUTOMATIC_REPORTS = "reports"
OTHER = "other"


def choices() -> list[tuple[str, Promise]]:
    return [(template.code, template.label) for template in TEMPLATES]


def label(code: str) -> str:
    """The label of a reason code, translated; a rule name or an unknown code as it is."""
    template = BY_CODE.get(code)
    if template is not None:
        return str(template.label)
    if code == AUTOMATIC_REPORTS:
        return str(_("Reported by several participants"))
    return code


def compose(code: str, free_text: str = "", *, language: str | None = None) -> str:
    """The reason as the participant and the public read it: the template's sentence, then
    the facilitator's own words. Public text is written in ``language`` (the site's language by
    default), so that every visitor reads the same tombstone."""
    from django.conf import settings

    if code == OTHER and free_text.strip():
        return free_text.strip()  # the facilitator's own words say it better than "another reason"
    template = BY_CODE.get(code)
    with translation.override(language or settings.LANGUAGE_CODE):
        parts = [str(template.text)] if template else []
    if free_text.strip():
        parts.append(free_text.strip())
    return " ".join(parts)

"""The clause templates a new pact starts from: the clause list of DESIGN §8, pre-filled with
what the proponent wrote. The pact text is written in the city's language whatever the
proponent's interface language."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

CLAUSE_KEYS = [
    "objectives",
    "duration",
    "commitments",
    "collective_use",
    "city_support",
    "governance",
    "monitoring",
    "liability",
    "exclusion",
    "amendments",
]


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def initial_clauses(*, proposal: dict) -> list[dict]:
    """``[{key, heading, body}]`` for a new pact from the proposal form's cleaned data."""
    from pactes.models import Pact

    with translation.override(settings.LANGUAGE_CODE):
        months = proposal.get("duration_months") or 12
        periodic = proposal.get("periodicity") == Pact.Periodicity.PERIODIC
        support_labels = dict(Pact.Support.choices)
        support = [str(support_labels[code]) for code in proposal.get("support_requested") or []]
        texts = {
            "objectives": (
                _("Objectives and actions"),
                _paragraphs(
                    proposal.get("idea", ""),
                    _("Planned activities: %s") % proposal["activities"] if proposal.get("activities") else "",
                    _("Who benefits: %s") % proposal["beneficiaries"] if proposal.get("beneficiaries") else "",
                ),
            ),
            "duration": (
                _("Duration, suspension and termination"),
                _paragraphs(
                    ngettext(
                        "The pact lasts %(months)d month from its signature.",
                        "The pact lasts %(months)d months from its signature.",
                        months,
                    )
                    % {"months": months},
                    _("The activities take place at set periods.")
                    if periodic
                    else _("The activities take place continuously."),
                    _(
                        "The city may suspend the pact when the safety of people or of the commons requires it, "
                        "after informing the parties. Each party may end the pact with one month’s notice, "
                        "stating its reasons."
                    ),
                ),
            ),
            "commitments": (
                _("Roles and commitments of each party"),
                _paragraphs(
                    _("The proponents commit to carrying out the activities described above with care."),
                    _("Resources the proponents bring: %s") % proposal["own_resources"]
                    if proposal.get("own_resources")
                    else "",
                    _("The city commits to the support listed in this pact and names a contact person."),
                ),
            ),
            "collective_use": (
                _("Collective use guaranteed"),
                _(
                    "The commons stays open to everyone. No activity under this pact may reserve it for "
                    "the parties or exclude anyone from it."
                ),
            ),
            "city_support": (
                _("Support from the city"),
                _("Support asked for: %s.") % ", ".join(support)
                if support
                else _("No support from the city is asked for."),
            ),
            "governance": (
                _("Governance"),
                _(
                    "The parties meet at least twice a year. Decisions are taken by consensus and written "
                    "down in a short public record."
                ),
            ),
            "monitoring": (
                _("Monitoring, reporting and evaluation"),
                _(
                    "The proponents publish a yearly report: actions, results, resources used, number of "
                    "volunteers, hours given and participants."
                ),
            ),
            "liability": (
                _("Liability and insurance"),
                _(
                    "Each party is responsible for its own activities. Volunteers are covered by the "
                    "insurance named in this pact."
                ),
            ),
            "exclusion": (
                _("Exclusion of participants"),
                _(
                    "A participant who endangers others or the commons may be excluded by a decision of "
                    "the parties, after being heard."
                ),
            ),
            "amendments": (
                _("How the pact may change"),
                _("Any change is agreed by every party and makes a new version, which they sign again."),
            ),
        }
    return [{"key": key, "heading": texts[key][0], "body": texts[key][1] or "—"} for key in CLAUSE_KEYS]

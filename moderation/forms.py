"""The facilitators' form for a facilitation profile: one fieldset per rule, typed fields for
its parameters, turned back into the profile's ``rules`` list and validated as the pipeline
reads it."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FacilitationProfile
from .rules import DEFAULTS, RULES, validate

RULE_TEXT = {
    "flood": (_("Flood"), _("The same text again, or too many messages in a short time.")),
    "shouting": (_("Shouting"), _("A message mostly in capital letters gets a nudge to write it in lower case.")),
    "insults": (
        _("Insults and slurs"),
        _("Words of the French and English lexicon, seen through accents, leetspeak and look-alike letters."),
    ),
    "attacks": (
        _("Personal attacks"),
        _("“You are…” followed by a judgement gets a nudge towards an I-statement."),
    ),
    "threats": (
        _("Threats and incitement"),
        _("Threats and calls to violence (“on sait où tu habites, fais gaffe”, “go kill yourself”)."),
    ),
    "third_party": (
        _("Attacks on a third person or an official"),
        _("“The mayor is a liar”: a judgement of someone who is not there to answer, or of an official."),
    ),
    "generalisations": (
        _("Generalisations about a group"),
        _("“They are all thieves”: a whole group of people judged at once."),
    ),
    "exclusion": (
        _("Exclusion"),
        _("Telling people they do not belong (“go back to your country”, “people like you should be thrown out”)."),
    ),
    "sarcasm": (_("Mocking emoji"), _("Praise with a clown or eye-roll emoji (“bravo le génie 🤡”).")),
    "classifier": (
        _("Classifier"),
        _(
            "A text classifier the site plugs in (setting MODERATION_CLASSIFIER); does nothing while no "
            "classifier is set."
        ),
    ),
    "links": (_("Links"), _("Too many links in a message, or any link in a participant’s first messages.")),
    "newcomers": (
        _("New participants"),
        _("Their first messages wait for a facilitator; how many is set above (“first messages held for review”)."),
    ),
    "reformulation": (
        _("Reformulation"),
        _("In a room that asks for it, a reply starts by reformulating the message it answers."),
    ),
}
PARAM_LABELS = {
    "duplicate": _("Same text sent again"),
    "duplicate_seconds": _("Same text: within how many seconds"),
    "duplicate_min_chars": _("Same text: only for texts of at least (characters)"),
    "max_messages": _("Messages allowed in the window"),
    "window_seconds": _("Window (seconds)"),
    "burst": _("More messages than allowed"),
    "min_letters": _("Minimum number of letters"),
    "ratio": _("Share of capital letters (0 to 1)"),
    "decision": _("Decision"),
    "slur": _("Slurs"),
    "insult": _("Insults"),
    "vulgar": _("Coarse words"),
    "max_links": _("Links allowed in one message"),
    "first_messages": _("Any link held in a participant’s first messages (how many)"),
    "allowed_domains": _("Domains never counted (separated by commas)"),
    "min_words": _("Minimum number of words of a reformulation"),
    "ambiguous": _("A word with an ordinary sense too, aimed at nobody"),
    "phrases": _("More phrases (one a line)"),
    "nudge_above": _("Nudge from this score (0 to 1)"),
    "hold_above": _("Hold from this score (0 to 1)"),
}
DECISION_CHOICES = [
    ("allow", _("Allow")),
    ("nudge", _("Nudge: suggest a rephrasing")),
    ("hold", _("Hold for a facilitator")),
    ("reject", _("Refuse")),
]
# Set by the profile's own field, not per step.
_HIDDEN_PARAMS = {("newcomers", "count")}
_DOMAIN_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


class DomainListField(forms.CharField):
    """Comma- or space-separated domain names, as a list."""

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value)
        return [part.lower().removeprefix("www.") for part in re.split(r"[\s,;]+", text) if part]

    def validate(self, value: list[str]) -> None:
        bad = [domain for domain in value if not _DOMAIN_RE.match(domain)]
        if bad:
            raise forms.ValidationError(_("Not a domain name: %(domains)s."), params={"domains": ", ".join(bad)})

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value


class PhraseListField(forms.CharField):
    """One phrase a line, as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value)
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value


def _param_field(key: str, default: Any) -> forms.Field:
    label = PARAM_LABELS.get(key, key)
    if key == "phrases":
        return PhraseListField(label=label, required=False, max_length=4000)
    if isinstance(default, str):
        return forms.ChoiceField(label=label, choices=DECISION_CHOICES)
    if isinstance(default, bool):
        return forms.BooleanField(label=label, required=False)
    if isinstance(default, float):
        return forms.FloatField(label=label, min_value=0, max_value=1)
    if isinstance(default, list):
        return DomainListField(label=label, required=False, max_length=2000)
    return forms.IntegerField(label=label, min_value=0, max_value=100_000)


class ProfileForm(forms.Form):
    description = forms.CharField(
        label=_("Description"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    report_hide_threshold = forms.IntegerField(
        label=_("Reports that hide a message"),
        min_value=1,
        max_value=100,
        help_text=_("Number of distinct participants whose reports hide a message until a facilitator decides."),
    )
    new_participant_held = forms.IntegerField(
        label=_("First messages held for review"),
        min_value=0,
        max_value=100,
        help_text=_("The first messages of a new participant wait for a facilitator (0: none)."),
    )
    max_length = forms.IntegerField(label=_("Maximum message length (characters)"), min_value=1, max_value=20_000)
    reformulation_required = forms.BooleanField(
        label=_("Reformulation mode"),
        required=False,
        help_text=_(
            "A reply must start by saying in one’s own words what one understood of the message it answers. "
            "Facilitators can switch it on or off in each room."
        ),
    )

    def __init__(self, *args, profile: FacilitationProfile, **kwargs):
        initial = {field: getattr(profile, field) for field in ("description", "report_hide_threshold")}
        initial |= {"new_participant_held": profile.new_participant_held, "max_length": profile.max_length}
        initial["reformulation_required"] = profile.reformulation_required
        super().__init__(*args, initial=initial, **kwargs)
        self.profile = profile
        self._steps = self._profile_steps(profile)
        for position, (name, step) in enumerate(self._steps, start=1):
            self.fields[f"{name}__enabled"] = forms.BooleanField(
                label=_("Active"), required=False, initial=step.get("enabled", True)
            )
            self.fields[f"{name}__position"] = forms.IntegerField(
                label=_("Order"),
                min_value=1,
                max_value=len(RULES),
                initial=position,
                help_text=_("Between equal verdicts, the rule that comes first explains the decision."),
            )
            values = {**DEFAULTS[name], **step.get("params", {})}
            for key, default in DEFAULTS[name].items():
                if (name, key) in _HIDDEN_PARAMS:
                    continue
                field = _param_field(key, default)
                field.initial = values[key]
                self.fields[f"{name}__{key}"] = field

    @staticmethod
    def _profile_steps(profile: FacilitationProfile) -> list[tuple[str, dict]]:
        """The profile's steps in order, then every rule it does not list yet, switched off."""
        steps = [(step["rule"], step) for step in profile.rules if isinstance(step, dict) and step.get("rule") in RULES]
        listed = {name for name, _step in steps}
        steps += [(name, {"rule": name, "enabled": False, "params": {}}) for name in RULES if name not in listed]
        return steps

    def rule_groups(self) -> list[dict[str, Any]]:
        """For the template: one group per rule, its title, its help and its bound fields."""
        groups = []
        for name, _step in self._steps:
            title, help_text = RULE_TEXT[name]
            fields = [self[key] for key in self.fields if key.startswith(f"{name}__")]
            groups.append({"name": name, "title": title, "help": help_text, "fields": fields})
        return groups

    def general_fields(self) -> list[forms.BoundField]:
        keys = ("description", "report_hide_threshold", "new_participant_held", "max_length", "reformulation_required")
        return [self[key] for key in keys]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        rules = []
        for index, (name, step) in enumerate(self._steps):
            params = {key: cleaned[f"{name}__{key}"] for key in DEFAULTS[name] if (name, key) not in _HIDDEN_PARAMS}
            for key in DEFAULTS[name]:
                if (name, key) in _HIDDEN_PARAMS and key in step.get("params", {}):
                    params[key] = step["params"][key]
            entry = {"rule": name, "enabled": cleaned[f"{name}__enabled"], "params": params}
            rules.append((cleaned[f"{name}__position"], index, entry))
        cleaned["rules"] = [entry for _position, _index, entry in sorted(rules, key=lambda r: r[:2])]
        for error in validate(cleaned["rules"]):
            self.add_error(None, error)
        return cleaned

    def changes(self) -> dict[str, Any]:
        """The new settings, for :func:`moderation.services.profile_update`."""
        data = self.cleaned_data
        return {
            "description": data["description"],
            "report_hide_threshold": data["report_hide_threshold"],
            "new_participant_held": data["new_participant_held"],
            "max_length": data["max_length"],
            "reformulation_required": data["reformulation_required"],
            "rules": data["rules"],
        }


# --- The facilitators' queue, appeals, reports, personal mutes -------------------------------

from django.conf import settings as _settings  # noqa: E402

from debates.models import Report  # noqa: E402

from . import reasons  # noqa: E402
from .services.common import MAX_FREE_TEXT  # noqa: E402

QUEUE_ACTIONS = (
    "approve",
    "reject",
    "hide",
    "keep_hidden",
    "restore",
    "dismiss_reports",
    "reminder",
    "review",
    "mute",
    "slow_mode",
    "pause",
    "exclude",
)


class QueueActionForm(forms.Form):
    """What a queue item's buttons send. Which fields matter depends on ``action``; the
    services check everything else."""

    action = forms.ChoiceField(choices=[(a, a) for a in QUEUE_ACTIONS])
    message_id = forms.IntegerField(required=False, min_value=1)
    debate_id = forms.IntegerField(required=False, min_value=1)
    user_id = forms.IntegerField(required=False, min_value=1)
    reason_code = forms.ChoiceField(label=_("Reason"), choices=[("", "—"), *reasons.choices()], required=False)
    reason = forms.CharField(label=_("Your words (optional)"), max_length=MAX_FREE_TEXT, required=False)
    minutes = forms.IntegerField(
        label=_("Minutes"), required=False, min_value=1, max_value=_settings.DEBATES_MAX_MUTE_MINUTES
    )
    seconds = forms.IntegerField(label=_("Seconds"), required=False, min_value=5, max_value=3600)


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why should this decision change?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
        help_text=_("Another facilitator or a city agent, never the person who decided, will read it."),
    )


class AppealDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("uphold", "uphold"), ("dismiss", "dismiss")])
    reason = forms.CharField(label=_("Reason of the decision (the participant reads it)"), max_length=480)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=Report.Reason.choices)
    detail = forms.CharField(
        label=_("Detail (optional)"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class PersonalMuteForm(forms.Form):
    user_id = forms.IntegerField(min_value=1)
    mute = forms.BooleanField(required=False)

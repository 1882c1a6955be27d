"""Forms of the volunteering pages. They check the shape of the input; the services decide the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from benevolat.models import Call
from benevolat.services import CallText
from benevolat.services.answers import MAX_MESSAGE
from benevolat.services.calls import MAX_PLACES, MAX_TEXT


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CallForm(forms.Form):
    title = forms.CharField(
        label=_("What volunteers will do"),
        max_length=160,
        help_text=_("In a few words: “Welcome newcomers to the garden”, “Serve the snack”."),
    )
    description = forms.CharField(
        label=_("Details"), required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4})
    )
    commitment = forms.ChoiceField(
        label=_("Kind of commitment"), choices=Call.Commitment.choices, widget=forms.RadioSelect
    )
    schedule = forms.CharField(
        label=_("When"), max_length=200, help_text=_("For people: “Saturday mornings, 10 am to noon”.")
    )
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Until"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for a one-off call (the same day) or a regular one with no end."),
    )
    duration = forms.CharField(
        label=_("How long"), max_length=200, help_text=_("“Two hours a week for three months”, “One afternoon”…")
    )
    places = forms.IntegerField(label=_("Volunteers wanted"), min_value=1, max_value=MAX_PLACES, initial=1)
    welcome = forms.CharField(
        label=_("Welcome given"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who welcomes the volunteers, and how the first time goes."),
    )
    training = forms.CharField(
        label=_("Training given"), required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def initial_for(cls, call: Call) -> dict:
        return {name: getattr(call, name) for name in cls.base_fields}

    def call_text(self) -> CallText:
        return CallText(**self.cleaned_data)


class AnswerForm(forms.Form):
    message = forms.CharField(
        label=_("A word for the organisers (optional)"),
        required=False,
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your availability, a question… 500 characters at most."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", pgettext_lazy("decision", "Accept")), ("decline", pgettext_lazy("decision", "Decline"))]
    )
    note = forms.CharField(label=_("Note to the volunteer (optional)"), required=False, max_length=MAX_MESSAGE)


class HoursForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    hours = forms.CharField(
        label=_("Hours given"), max_length=10, help_text=_("In quarters of an hour: 1.5 for an hour and a half.")
    )


class FilterForm(forms.Form):
    """The list's filters: plain GET fields, no script."""

    quartier = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    quand = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Any time")), ("week", _("Within a week")), ("month", _("Within a month"))],
    )
    type = forms.ChoiceField(
        label=_("Kind of commitment"), required=False, choices=[("", _("Every kind")), *Call.Commitment.choices]
    )

    def __init__(self, *args, neighbourhoods: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].choices = [("", _("Every neighbourhood"))] + [(n, n) for n in neighbourhoods]

    def selection(self) -> dict:
        data = self.cleaned_data
        return {
            "neighbourhood": data.get("quartier", ""),
            "when": data.get("quand", ""),
            "commitment": data.get("type", ""),
        }

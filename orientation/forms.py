"""Forms of the referral pages. They shape the input; the services decide (and say why not)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from orientation.models import CONTACT_MAX, FIRST_NAME_MAX, FollowUp
from orientation.services import RECORDABLE
from orientation.services.referrals import NO_CONSENT


class ReferralForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name or pseudonym"),
        max_length=FIRST_NAME_MAX,
        help_text=_("What the person wants to be called. No surname."),
    )
    contact = forms.CharField(
        label=_("How to reach the person (optional)"),
        max_length=CONTACT_MAX,
        required=False,
        help_text=_("A phone number or an e-mail address the person chose to give to the activity’s team."),
    )
    offers = forms.TypedMultipleChoiceField(
        label=_("Activities"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one activity."),
            "invalid_choice": _("One of these activities is not in the directory."),
        },
    )
    consent = forms.BooleanField(required=False)

    # Where each service error goes.
    FIELDS_BY_CODE = {
        "NO_CONSENT": "consent",
        "FIRST_NAME_REQUIRED": "first_name",
        "FIRST_NAME_TOO_LONG": "first_name",
        "FIRST_NAME_CONTACT": "first_name",
        "BAD_CONTACT": "contact",
        "BAD_OFFER": "offers",
        "NO_OFFER": "offers",
        "TOO_MANY_OFFERS": "offers",
        "OFFER_NOT_LISTED": "offers",
    }

    def __init__(self, *args, offers, consent_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offers"].choices = [
            (
                offer.pk,
                f"{offer.title} — {offer.organisation.name}" if offer.organisation_id else offer.title,
            )
            for offer in offers
        ]
        self.fields["consent"].label = _("I have read this text to the person and they agree.")
        self.consent_text = consent_text

    def clean(self):
        """The missing consent is said with the other errors, at the first try."""
        data = super().clean()
        if not data.get("consent"):
            self.add_error("consent", NO_CONSENT)
        return data


class AttendanceForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Did the person come?"),
        widget=forms.RadioSelect,
        choices=[
            ("came", pgettext_lazy("referral attendance", "Came")),
            ("did_not_come", pgettext_lazy("referral attendance", "Did not come")),
        ],
    )
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class PairingForm(forms.Form):
    binome = forms.TypedChoiceField(label=_("Volunteer companion"), coerce=int, required=False, empty_value=None)
    meeting_on = forms.DateField(
        label=_("Day of the first visit (optional)"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args, binomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["binome"].choices = [("", _("Nobody"))] + [
            (b.pk, f"{b.user.public_name} ({b.neighbourhood})" if b.neighbourhood else b.user.public_name)
            for b in binomes
        ]


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How does it go?"),
        widget=forms.RadioSelect,
        choices=[(value, FollowUp.Outcome(value).label) for value in RECORDABLE],
    )


class BinomeForm(forms.Form):
    neighbourhood = forms.CharField(
        label=_("Where you would rather come along (optional)"),
        max_length=120,
        required=False,
        help_text=_("A neighbourhood, a street: it helps pair you with someone nearby."),
    )
    agree = forms.BooleanField(
        label=_(
            "I volunteer to come along, the first time, with a person a connector referred. I will "
            "see their first name, the activity and the date, and keep them to myself."
        )
    )

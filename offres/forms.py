"""Forms of the offer pages. They shape the input; the services check it again (a forged post
gets the service's error, never a half-saved offer)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from offres.models import Offer
from offres.services import EDITABLE_FIELDS, MAX_REASON_LENGTH, offer_input_errors
from pactes.geocoding import neighbourhood_centroids

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# What a resident who suggests an offer knows; the rest is for those who run it.
SUGGEST_FIELDS = [
    "title",
    "kind",
    "summary",
    "description",
    "organisation",
    "schedule",
    "place_name",
    "address",
    "neighbourhood",
    "cost",
    "price",
    "step_free",
    "screen_free",
    "audience",
    "contact_name",
    "contact_email",
    "contact_phone",
]


class OfferForm(forms.ModelForm):
    """Publish or update an offer. ``organisations``: those the person may choose."""

    class Meta:
        model = Offer
        fields = [*EDITABLE_FIELDS, "engagements"]
        widgets = {
            "summary": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "recurrence_until": DATE,
            "engagements": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "summary": _("One sentence: what people do there."),
            "schedule": _("In words, for people: “every Saturday, 10 am to noon”."),
            "starts_at": _("The first (or next) time it takes place, for the calendar."),
            "recurrence_until": _("The last date, if it ends."),
            "latitude": _("Optional: the place on the map (decimal degrees, like 48.8566)."),
            "price": _("For a paid or solidarity price: how much."),
            "contact_email": _("A public contact of the offer, not a personal address."),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        from programme.models import EngagementPage

        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].required = True
        self.fields["organisation"].empty_label = None if len(organisations) == 1 else "—"
        if "engagements" in self.fields:
            # Offers serve the French pages; their translations show the same offers.
            french = EngagementPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
            self.fields["engagements"].queryset = french.order_by("number")
            self.fields["engagements"].label_from_instance = lambda page: f"{page.number}. {page.title}"
        names = sorted(neighbourhood_centroids())
        if names:
            self.fields["neighbourhood"] = forms.ChoiceField(
                label=Offer._meta.get_field("neighbourhood").verbose_name,
                required=False,
                choices=[("", "—"), *[(n, n) for n in names]],
            )

    def clean(self):
        cleaned = super().clean()
        # Only the fields that are valid so far: a field with an error already says it.
        values = {name: cleaned.get(name) for name in self.fields if name not in self.errors}
        for name, message in offer_input_errors(values).items():
            self.add_error(name, message)
        return cleaned

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["engagements"] = list(self.cleaned_data.get("engagements") or [])
        for name, value in data.items():
            if value is None and name in {"neighbourhood"}:
                data[name] = ""
        return data


class SuggestForm(OfferForm):
    """A resident suggests an offer they know; the organisation is optional (then the city
    reviews it)."""

    class Meta(OfferForm.Meta):
        fields = SUGGEST_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, organisations=Organisation.objects.order_by("name"), **kwargs)
        self.fields["organisation"].required = False
        self.fields["organisation"].empty_label = _("I don’t know / none")
        self.fields["organisation"].help_text = _("If you name it, its representatives can publish it.")

    def service_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields} | {
            "neighbourhood": self.cleaned_data.get("neighbourhood") or ""
        }


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is outdated?"),
        help_text=_("The day, the time, the place, the contact… Do not give anyone’s personal details."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_REASON_LENGTH,
    )

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form adds to e-mail and password."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("The name other participants see. It does not have to be your real name."),
    )
    field_order = ["email", "display_name", "password1", "password2"]

    def signup(self, request, user):
        """allauth calls this after saving; the adapter already stored the display name."""


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=60)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    age_band = forms.ChoiceField(
        label=_("Age band (optional)"),
        choices=[("", _("I prefer not to say")), *User.AgeBand.choices],
        required=False,
    )
    age_band_consent = forms.BooleanField(
        label=_(
            "I agree that my age band is used, only in anonymous statistics, to measure how "
            "generations meet on the platform."
        ),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("age_band") and not data.get("age_band_consent"):
            self.add_error("age_band_consent", _("Tick the consent box to record your age band."))
        return data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(label=_("I understand that my account will be deleted for good."), required=True)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password

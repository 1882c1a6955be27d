"""Forms of the pact pages. They validate the shape of the input; services decide the rest."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from pactes.models import Commons, Pact

HEX64 = re.compile(r"^[0-9a-f]{64}$")
UPLOAD_HELP = _("A PDF document or an image (PNG, JPEG, WebP), 5 MB at most.")


class ProposalForm(forms.Form):
    """The proposal of a pact by a resident, a group or an association."""

    title = forms.CharField(label=_("Title of the pact"), max_length=200)
    proponent_kind = forms.ChoiceField(
        label=_("Who proposes it?"), choices=Pact.ProponentKind.choices, widget=forms.RadioSelect
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("An organisation you represent."),
    )
    group_name = forms.CharField(label=_("Name of the group"), max_length=200, required=False)
    group_members = forms.CharField(
        label=_("Members of the group"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How the members wish to be named, one a line. No contact details."),
    )
    commons = forms.ModelChoiceField(
        label=_("Commons concerned"),
        queryset=Commons.objects.none(),
        required=False,
        empty_label=_("— A commons not listed yet (describe it below) —"),
    )
    new_commons_name = forms.CharField(label=_("Name of the new commons"), max_length=200, required=False)
    new_commons_kind = forms.ChoiceField(label=_("Kind of commons"), choices=Commons.Kind.choices, required=False)
    new_commons_address = forms.CharField(label=_("Address"), max_length=300, required=False)
    new_commons_neighbourhood = forms.CharField(label=_("Neighbourhood"), max_length=120, required=False)
    new_commons_latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=6,
        max_digits=9,
        widget=forms.NumberInput(attrs={"step": "0.000001"}),
    )
    new_commons_longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=6,
        max_digits=9,
        widget=forms.NumberInput(attrs={"step": "0.000001"}),
        help_text=_(
            "Click the map or drag the marker; or type the coordinates. Left empty, the address or the "
            "neighbourhood places the commons."
        ),
    )
    new_commons_description = forms.CharField(
        label=_("Description of the commons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    new_commons_photo = forms.FileField(
        label=_("Photo of the commons"), required=False, help_text=_("PNG, JPEG or WebP, 5 MB at most.")
    )
    new_commons_photo_alt = forms.CharField(
        label=_("Description of the photo"),
        max_length=250,
        required=False,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    pact_type = forms.ChoiceField(
        label=_("Type of pact"),
        choices=Pact.Type.choices,
        initial=Pact.Type.ORDINARY,
        help_text=_("A complex pact (works, lasting changes to the commons) needs a council decision."),
    )
    idea = forms.CharField(label=_("Your idea"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    activities = forms.CharField(
        label=_("Activities"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    beneficiaries = forms.CharField(
        label=_("Who benefits"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    duration_months = forms.IntegerField(label=_("Duration in months"), min_value=1, max_value=120, initial=12)
    periodicity = forms.ChoiceField(
        label=_("Continuous or periodic"), choices=Pact.Periodicity.choices, widget=forms.RadioSelect
    )
    own_resources = forms.CharField(
        label=_("Resources you bring"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    support_requested = forms.MultipleChoiceField(
        label=_("Support asked for from the city"),
        choices=Pact.Support.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("A PDF document or an image (PNG, JPEG, WebP), 5 MB at most."),
    )
    attachment_title = forms.CharField(label=_("Title of the attachment"), max_length=200, required=False)
    publication_consent = forms.BooleanField(
        label=_("I agree that this proposal is published on the site once submitted."), required=True
    )

    # The fields of each choice sit in a group of their own, shown only when the choice is made
    # (pactes.css, with :has(); no JavaScript needed). A browser without :has() shows them all.
    fieldsets = [
        (_("The pact"), ["title", "pact_type"]),
        (
            _("Who proposes it"),
            [
                "proponent_kind",
                ("organisation", ["organisation"]),
                ("informal_group", ["group_name", "group_members"]),
            ],
        ),
        (
            _("The commons of the pact"),
            [
                "commons",
                (
                    "new-commons",
                    [
                        "new_commons_name",
                        "new_commons_kind",
                        "new_commons_address",
                        "new_commons_neighbourhood",
                        "new_commons_latitude",
                        "new_commons_longitude",
                        "new_commons_description",
                        "new_commons_photo",
                        "new_commons_photo_alt",
                    ],
                ),
            ],
        ),
        (
            _("The project"),
            ["idea", "activities", "beneficiaries", "duration_months", "periodicity", "own_resources"],
        ),
        (_("Support and attachments"), ["support_requested", "attachment", "attachment_title"]),
        (_("Publication"), ["publication_consent"]),
    ]

    def __init__(self, *args, user, organisations, commons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["commons"].queryset = commons
        self.fields["periodicity"].initial = Pact.Periodicity.CONTINUOUS
        self.fields["proponent_kind"].initial = Pact.ProponentKind.PERSON

    def grouped(self):
        """``[(legend, [item])]``: an item is ``{"field": bound field}`` or ``{"choice": choice,
        "fields": [bound field]}``, a group shown only for that choice."""
        return [
            (
                legend,
                [
                    {"choice": item[0], "fields": [self[name] for name in item[1]]}
                    if isinstance(item, tuple)
                    else {"field": self[item]}
                    for item in items
                ],
            )
            for legend, items in self.fieldsets
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("proponent_kind")
        if kind == Pact.ProponentKind.ORGANISATION and not data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation you propose the pact for."))
        if kind == Pact.ProponentKind.INFORMAL_GROUP and not data.get("group_name", "").strip():
            self.add_error("group_name", _("Give the name of your group."))
        if not data.get("commons") and not data.get("new_commons_name", "").strip():
            self.add_error("commons", _("Choose a commons or describe a new one."))
        if (data.get("new_commons_latitude") is None) != (data.get("new_commons_longitude") is None):
            self.add_error("new_commons_longitude", _("Give both the latitude and the longitude, or neither."))
        if data.get("new_commons_photo") and not data.get("new_commons_photo_alt", "").strip():
            self.add_error("new_commons_photo_alt", _("Describe the photo for people who cannot see it."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        new_commons = None
        if not data.get("commons"):
            new_commons = {
                "name": data["new_commons_name"],
                "kind": data.get("new_commons_kind") or Commons.Kind.OTHER,
                "address": data.get("new_commons_address", ""),
                "neighbourhood": data.get("new_commons_neighbourhood", ""),
                "description": data.get("new_commons_description", ""),
                "latitude": data.get("new_commons_latitude"),
                "longitude": data.get("new_commons_longitude"),
                "photo": data.get("new_commons_photo"),
                "photo_alt": data.get("new_commons_photo_alt", ""),
            }
        kind = data["proponent_kind"]
        return {
            "title": data["title"],
            "proponent_kind": kind,
            "organisation": data.get("organisation") if kind == Pact.ProponentKind.ORGANISATION else None,
            "group_name": data.get("group_name", ""),
            "group_members": data.get("group_members", ""),
            "commons": data.get("commons"),
            "new_commons": new_commons,
            "idea": data["idea"],
            "activities": data.get("activities", ""),
            "beneficiaries": data.get("beneficiaries", ""),
            "duration_months": data["duration_months"],
            "periodicity": data["periodicity"],
            "own_resources": data.get("own_resources", ""),
            "support_requested": data.get("support_requested", []),
            "publication_consent": data["publication_consent"],
            "pact_type": data["pact_type"],
            "uploads": [(data["attachment"], data.get("attachment_title", ""))] if data.get("attachment") else [],
        }


class EditForm(forms.Form):
    """The text of the pact: title, dates and every clause, saved as a new version."""

    based_on = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title of the pact"), max_length=200)
    start_date = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(
        label=_("What changes in this version?"),
        max_length=300,
        required=False,
        help_text=_("A short note shown in the list of versions."),
    )

    def __init__(self, *args, clauses: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        # One block per existing clause, then an empty one to add a clause.
        self.clause_count = len(clauses) + 1
        for i, clause in enumerate([*clauses, {"key": "", "heading": "", "body": ""}]):
            self.fields[f"clause_{i}_key"] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=clause["key"]
            )
            self.fields[f"clause_{i}_heading"] = forms.CharField(
                label=_("Heading"), max_length=200, required=False, initial=clause["heading"]
            )
            self.fields[f"clause_{i}_body"] = forms.CharField(
                label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 6}), initial=clause["body"]
            )
            if clause["key"]:
                self.fields[f"clause_{i}_remove"] = forms.BooleanField(label=_("Remove this clause"), required=False)

    def clause_blocks(self):
        for i in range(self.clause_count):
            yield {
                "number": i + 1,
                "is_new": i == self.clause_count - 1,
                "key": self[f"clause_{i}_key"],
                "heading": self[f"clause_{i}_heading"],
                "body": self[f"clause_{i}_body"],
                "remove": self[f"clause_{i}_remove"] if f"clause_{i}_remove" in self.fields else None,
            }

    def clauses(self) -> list[dict]:
        data, result = self.cleaned_data, []
        for i in range(self.clause_count):
            heading, body = data.get(f"clause_{i}_heading", ""), data.get(f"clause_{i}_body", "")
            if data.get(f"clause_{i}_remove") or (
                i == self.clause_count - 1 and not heading.strip() and not body.strip()
            ):
                continue
            result.append({"key": data.get(f"clause_{i}_key", ""), "heading": heading, "body": body})
        return result


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=3000
    )


class CommentForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    clause = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    body = forms.CharField(label=_("Your comment on this clause"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Public answer"), widget=forms.Textarea(attrs={"rows": 3}))


class SignForm(forms.Form):
    """Re-authentication before signing: the password, and the TOTP code when it is set up."""

    version_number = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    party = forms.TypedChoiceField(label=_("Sign for"), coerce=int)
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    code = forms.CharField(
        label=_("Code from your authentication app"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    confirm = forms.BooleanField(label=_("I have read this version and I sign it for the party chosen above."))

    def __init__(self, *args, parties, needs_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.pk, p.name) for p in parties]
        if not needs_code:
            del self.fields["code"]
        else:
            self.fields["code"].required = True


class JoinForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Myself"),
    )
    message = forms.CharField(
        label=_("What would you like to bring?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    # Joining an active pact is signing its current version, after re-authenticating.
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(label=_("I have read the signed version of the pact and I sign it."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, organisations, signs: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if not signs:
            del self.fields["password"], self.fields["confirm"], self.fields["version"]


class JoinDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason of the refusal: the person who asked will read it."))
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=UPLOAD_HELP)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)


class CouncilForm(forms.Form):
    reference = forms.CharField(label=_("Council decision reference"), max_length=120)


class DebateLinkForm(forms.Form):
    debate = forms.ModelChoiceField(
        label=_("Debate room for the co-design meetings"),
        queryset=None,
        required=False,
        empty_label=_("— None —"),
    )

    def __init__(self, *args, **kwargs):
        from debates.models import Debate

        super().__init__(*args, **kwargs)
        self.fields["debate"].queryset = Debate.objects.filter(visibility="public").exclude(status="archived")


class VerifyForm(forms.Form):
    empreinte = forms.CharField(
        label=_("SHA-256 fingerprint"),
        max_length=100,
        help_text=_("The 64 characters printed on the signed pact."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_empreinte(self):
        value = re.sub(r"\s+", "", self.cleaned_data["empreinte"]).lower()
        if not HEX64.match(value):
            raise forms.ValidationError(_("A fingerprint is 64 characters, digits 0–9 and letters a–f."))
        return value


class ReportForm(forms.Form):
    """A yearly report: what was done, with what, by how many people, with photos."""

    period = forms.TypedChoiceField(label=_("Year of the pact"), coerce=int)
    actions = forms.CharField(label=_("Actions done"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000)
    results = forms.CharField(label=_("Results"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)
    resources = forms.CharField(
        label=_("Resources used"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )
    city_support = forms.CharField(
        label=_("Support received from the city"),
        help_text=_("Spaces, tools and materials, training, staff time, fee waivers, insurance."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
    )
    volunteers = forms.IntegerField(label=_("Number of volunteers"), min_value=0, max_value=1_000_000, initial=0)
    hours = forms.IntegerField(label=_("Hours given by the volunteers"), min_value=0, max_value=1_000_000, initial=0)
    photo = forms.FileField(label=_("A photo (optional)"), required=False)
    photo_alt = forms.CharField(
        label=_("Description of the photo"),
        help_text=_("What the photo shows, for people who cannot see it."),
        required=False,
        max_length=250,
    )

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import User

        self.fields["period"].choices = [
            (n, _("Year %(n)s (%(start)s – %(end)s)") % {"n": n, "start": start, "end": end})
            for n, start, end in periods
        ]
        self.age_fields = []
        for value, label in User.AgeBand.choices:
            name = f"age_{value}"
            self.fields[name] = forms.IntegerField(
                label=_("Participants: %(band)s") % {"band": label}, min_value=0, max_value=1_000_000, initial=0
            )
            self.age_fields.append((value, name))

    def clean(self):
        data = super().clean()
        if data.get("photo") and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Describe the photo for people who cannot see it."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "period": data["period"],
            "actions": data["actions"],
            "results": data["results"],
            "resources": data["resources"],
            "city_support": data["city_support"],
            "volunteers": data["volunteers"],
            "hours": data["hours"],
            "participants": {value: data.get(name) or 0 for value, name in self.age_fields},
            "photos": [(data["photo"], data["photo_alt"])] if data.get("photo") else [],
        }


class ReportAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer of the city"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000)

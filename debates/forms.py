"""Forms of the room page without JavaScript (the live room sends the same data as frames)."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 4}), strip=False)
    reformulation = forms.CharField(
        label=_("What I understood of the message I answer (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reply_to = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # Generated with the form: sending the same form twice (double click, resent page) stores
    # one message.
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    confirm = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, max_length: int = 2000, **kwargs):
        super().__init__(*args, **kwargs)
        # Checked by the posting gates (TOO_LONG); the attribute only helps the browser.
        self.fields["body"].widget.attrs["maxlength"] = max_length
        if not self.is_bound:
            self.initial["client_id"] = uuid.uuid4()


class SynthesisForm(forms.Form):
    synthesis = forms.CharField(
        label=_("Synthesis"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("What was said, the points of agreement and disagreement, and what happens next."),
        max_length=20000,
    )

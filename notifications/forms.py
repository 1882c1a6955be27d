from django import forms
from django.utils.translation import gettext_lazy as _

from notifications import registry
from notifications.models import Delivery


class PreferencesForm(forms.Form):
    """One choice per kind of notification, grouped on the page by what it is about."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, spec in registry.KINDS.items():
            self.fields[code] = forms.ChoiceField(
                label=spec.label,
                choices=Delivery.choices,
                initial=spec.default,
                widget=forms.Select,
                help_text=_("Default: %(choice)s") % {"choice": Delivery(spec.default).label},
            )

    def grouped(self) -> list[tuple[str, list]]:
        groups: dict[str, list] = {}
        for code, spec in registry.KINDS.items():
            groups.setdefault(str(spec.group), []).append(self[code])
        return list(groups.items())

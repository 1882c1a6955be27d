from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        extra = getattr(form, "cleaned_data", {})
        user.display_name = extra.get("display_name", "").strip()
        user.preferred_language = (get_language() or "fr")[:2]
        if commit:
            user.save()
        return user

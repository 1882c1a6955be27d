import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.predicates import has_verified_email
from core.errors import ApplicationError


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "age_band": user.age_band,
            "age_band_consent": bool(user.age_band_consent_at),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(actor=user, user=user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            # Back to the profile in the language just chosen (its address says it: docs/i18n.md),
            # told so in that language; it also becomes the language of this browser.
            with translation.override(form.cleaned_data["preferred_language"]):
                messages.success(request, _("Your profile has been saved."))
                response = redirect("accounts:profile")
            response.set_cookie("vdl_language", form.cleaned_data["preferred_language"], samesite="Lax")
            return response
    context = {"form": form, "email_verified": has_verified_email(user)}
    return render(request, "accounts/profile.html", context, status=400 if form.errors else 200)


@login_required
def export(request):
    data = services.account_export(actor=request.user, user=request.user)
    data["exported_at"] = timezone.now().isoformat()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-ville-du-lien.json"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(actor=request.user, user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    return render(request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200)

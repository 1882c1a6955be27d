"""Facilitators' pages of the moderation app: the facilitation profiles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cite.errors import ApplicationError

from . import services
from .forms import ProfileForm
from .models import FacilitationProfile


@login_required
@require_GET
def profile_list(request):
    if not request.user.has_perm("moderation.view_facilitationprofile"):
        raise PermissionDenied
    profiles = FacilitationProfile.objects.order_by("-is_default", "name")
    return render(request, "moderation/profile_list.html", {"profiles": profiles})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request, slug: str):
    profile = get_object_or_404(FacilitationProfile, slug=slug)
    if not request.user.has_perm("moderation.change_facilitationprofile", profile):
        raise PermissionDenied
    form = ProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(actor=request.user, profile=profile, changes=form.changes())
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("The profile has been saved. Rooms use it from their next message."))
            return redirect("moderation:profile_edit", slug=profile.slug)
    revisions = profile.revisions.select_related("changed_by")[:10]
    context = {"profile": profile, "form": form, "revisions": revisions}
    return render(request, "moderation/profile_edit.html", context, status=400 if form.errors else 200)

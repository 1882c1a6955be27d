"""Pages of the referrals: the connector's, the offer team's, the companion's, and the person's
own page behind their private link (no account). Thin: forms shape the input, services decide.

Someone else's referral does not exist, as far as the visitor knows (404); a page a role opens
answers 403 to the others.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.errors import ApplicationError, NotFound
from debates.hall import join_qr_svg
from orientation import selectors, services
from orientation.consent import consent_text
from orientation.forms import AttendanceForm, BinomeForm, FollowUpForm, PairingForm, ReferralForm
from orientation.models import ReferralOffer
from orientation.services.referrals import connector_organisation

LINK_SESSION_KEY = "orientation_link_%s"


def _allowed(user, perm: str, obj=None) -> bool:
    return rules.has_perm(perm, user, obj)


def _flash_error(request, error: ApplicationError) -> None:
    messages.error(request, str(error.detail))


# --- the hub ------------------------------------------------------------------------------------


@never_cache  # first names and contacts: never kept by a shared computer's browser
@login_required
@require_safe
def index(request):
    user = request.user
    can_refer = _allowed(user, "orientation.refer")
    binome = selectors.binome_of(user=user)
    context = {
        "can_refer": can_refer,
        "referrals": list(selectors.referrals_of_connector(user=user)) if can_refer else [],
        "received": list(selectors.lines_received_by(user=user)),
        "pairings": list(selectors.pairings_of(user=user)) if binome else [],
        "binome": binome,
        "today": timezone.localdate(),
    }
    return render(request, "orientation/index.html", context)


# --- the connector ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def referral_create(request):
    if not _allowed(request.user, "orientation.refer"):
        raise PermissionDenied()
    organisation = connector_organisation(request.user)
    offers = list(selectors.offers_to_choose())
    initial = {}
    if request.GET.get("offre", "").isdigit():
        initial["offers"] = [int(request.GET["offre"])]
    form = ReferralForm(
        request.POST or None,
        initial=initial,
        offers=offers,
        consent_text=consent_text(organisation_name=organisation.name if organisation else ""),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral, token = services.referral_create(
                actor=request.user,
                offer_ids=data["offers"],
                first_name=data["first_name"],
                contact=data["contact"],
                consent_given=data["consent"],
            )
        except ApplicationError as error:
            form.add_error(form.FIELDS_BY_CODE.get(error.code), str(error.detail))
        else:
            request.session[LINK_SESSION_KEY % referral.pk] = token
            return redirect("orientation:link", referral.pk)
    status = 400 if form.errors else 200
    return render(request, "orientation/create.html", {"form": form, "organisation": organisation}, status=status)


def _own_referral(request, pk: int):
    referral = selectors.referral_for_page(referral_id=pk)
    if referral is None or not _allowed(request.user, "orientation.view_referral", referral):
        raise Http404()
    return referral


@never_cache  # first names and contacts: never kept by a shared computer's browser
@login_required
@require_safe
def referral_detail(request, pk: int):
    referral = _own_referral(request, pk)
    today = timezone.localdate()
    binomes = list(selectors.binomes_available())
    lines = []
    for line in referral.lines.all():
        line.referral = referral
        lines.append(
            {
                "line": line,
                "follow_ups": [
                    {
                        "follow_up": f,
                        "form": FollowUpForm(prefix=f"f{f.pk}") if f.due_on <= today and not f.outcome else None,
                    }
                    for f in line.follow_ups.all()
                ],
                "pairing_form": _pairing_form(line, binomes),
            }
        )
    return render(request, "orientation/referral.html", {"referral": referral, "lines": lines, "today": today})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def referral_link(request, pk: int):
    """The private link, shown once after the referral (or after a new one is made)."""
    referral = _own_referral(request, pk)
    if request.method == "POST":
        try:
            token = services.referral_link_reissue(actor=request.user, referral=referral)
        except ApplicationError as error:
            _flash_error(request, error)
            return redirect("orientation:referral", referral.pk)
        request.session[LINK_SESSION_KEY % referral.pk] = token
        return redirect("orientation:link", referral.pk)
    token = request.session.pop(LINK_SESSION_KEY % referral.pk, None)
    url = request.build_absolute_uri(reverse("orientation:person", args=[token])) if token else None
    qr = join_qr_svg(url, title=_("QR code of the private link")) if url else None
    return render(request, "orientation/link.html", {"referral": referral, "url": url, "qr": qr})


@login_required
@require_POST
def referral_delete(request, pk: int):
    referral = _own_referral(request, pk)
    try:
        services.referral_delete(actor=request.user, referral=referral, confirmed=request.POST.get("confirm") == "yes")
    except ApplicationError as error:
        _flash_error(request, error)
        return redirect("orientation:referral", referral.pk)
    messages.success(request, _("The referral is deleted."))
    return redirect("orientation:index")


@login_required
@require_POST
def follow_up_record(request, pk: int):
    follow_up = selectors.follow_up_for_action(follow_up_id=pk)
    if follow_up is None or not _allowed(request.user, "orientation.record_follow_up", follow_up):
        raise Http404()
    form = FollowUpForm(request.POST, prefix=f"f{follow_up.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose how it goes from the list."))
    else:
        try:
            services.follow_up_record(actor=request.user, follow_up=follow_up, outcome=form.cleaned_data["outcome"])
        except ApplicationError as error:
            _flash_error(request, error)
        else:
            messages.success(request, _("The follow-up is recorded."))
    return redirect("orientation:referral", follow_up.line.referral_id)


# --- one referred offer: its team, its connector, its companion ----------------------------------


def _visible_line(request, pk: int) -> ReferralOffer:
    line = selectors.line_for_page(line_id=pk)
    if line is None or not _allowed(request.user, "orientation.view_line", line):
        raise Http404()
    return line


def _pairing_form(line: ReferralOffer, binomes, data=None):
    """No companion after the person came, nor to an activity that is no longer offered."""
    if line.attendance == ReferralOffer.Attendance.CAME or not line.offer.is_listed:
        return None
    initial = {"binome": line.binome_id, "meeting_on": line.binome_meeting_on}
    return PairingForm(data, binomes=binomes, initial=initial, prefix=f"p{line.pk}")


@never_cache  # first names and contacts: never kept by a shared computer's browser
@login_required
@require_safe
def line_detail(request, pk: int):
    line = _visible_line(request, pk)
    user = request.user
    can_mark = _allowed(user, "orientation.mark_attendance", line)
    can_pair = _allowed(user, "orientation.pair_binome", line)
    context = {
        "line": line,
        "is_team": can_mark,
        "is_connector": _allowed(user, "orientation.view_referral", line.referral),
        "attendance_form": AttendanceForm() if can_mark and line.attendance != line.Attendance.CAME else None,
        "pairing_form": _pairing_form(line, list(selectors.binomes_available())) if can_pair else None,
    }
    return render(request, "orientation/line.html", context)


@login_required
@require_POST
def line_attendance(request, pk: int):
    line = _visible_line(request, pk)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say whether the person came, and the date."))
        return redirect("orientation:line", line.pk)
    try:
        services.attendance_mark(
            actor=request.user, line=line, outcome=form.cleaned_data["outcome"], on=form.cleaned_data["on"]
        )
    except ApplicationError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("Thank you: the connector is told."))
    return redirect("orientation:line", line.pk)


@login_required
@require_POST
def line_pair(request, pk: int):
    line = _visible_line(request, pk)
    form = PairingForm(request.POST, binomes=list(selectors.binomes_available()), prefix=f"p{line.pk}")
    back = request.POST.get("back") == "referral"
    target = redirect("orientation:referral", line.referral_id) if back else redirect("orientation:line", line.pk)
    if not form.is_valid():
        messages.error(request, _("Choose a companion from the list."))
        return target
    try:
        services.binome_pair(
            actor=request.user,
            line=line,
            binome_id=form.cleaned_data["binome"],
            meeting_on=form.cleaned_data["meeting_on"],
        )
    except ApplicationError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The companion is saved."))
    return target


# --- volunteer companions -----------------------------------------------------------------------


@never_cache  # first names and contacts: never kept by a shared computer's browser
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def binome(request):
    current = selectors.binome_of(user=request.user)
    form = BinomeForm(request.POST or None, initial={"neighbourhood": current.neighbourhood if current else ""})
    if request.method == "POST":
        try:
            if request.POST.get("action") == "withdraw":
                services.binome_withdraw(actor=request.user)
                messages.success(request, _("You are no longer a volunteer companion. Thank you for your help."))
                return redirect("orientation:binome")
            if form.is_valid():
                services.binome_volunteer(actor=request.user, neighbourhood=form.cleaned_data["neighbourhood"])
                messages.success(request, _("Thank you! A connector or an activity may ask you to come along."))
                return redirect("orientation:index")
        except ApplicationError as error:
            form.add_error(None, str(error.detail))
    status = 400 if form.errors else 200
    return render(
        request,
        "orientation/binome.html",
        {"form": form, "binome": current, "can_volunteer": _allowed(request.user, "orientation.volunteer_binome")},
        status=status,
    )


# --- the person, with their private link --------------------------------------------------------


def _person_response(response):
    # The link is the key: never cached, never sent on to another site, never indexed.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def person(request, token: str):
    try:
        referral = services.referral_by_token(token=token)
    except NotFound as error:
        return _person_response(render(request, "orientation/person_gone.html", {"error": error.detail}, status=404))
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the deletion."))
            return _person_response(redirect("orientation:person", token))
        try:
            services.referral_delete_by_person(token=token)
        except NotFound as error:
            return _person_response(
                render(request, "orientation/person_gone.html", {"error": error.detail}, status=404)
            )
        return _person_response(render(request, "orientation/person_deleted.html"))
    lines = list(referral.lines.select_related("offer__organisation").prefetch_related("follow_ups"))
    return _person_response(render(request, "orientation/person.html", {"referral": referral, "lines": lines}))

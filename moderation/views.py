"""Pages of the moderation app: facilitation profiles, the facilitators' queue, appeals, the
public register, and participants' own tools. Plain forms that work without JavaScript; the
queue is made live by ``queue.js``. Views validate input and call the services; domain errors
become messages, form errors or HTTP statuses here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cite import csvfile
from cite.conditional import conditional_page
from cite.errors import ApplicationError
from cite.urlsafety import safe_next
from debates.models import Message

from . import reasons, selectors, services
from . import register as public_register
from .forms import AppealDecisionForm, AppealForm, PersonalMuteForm, ProfileForm, QueueActionForm, ReportForm
from .models import Appeal, FacilitationProfile, ModerationAction
from .notify import APPEALABLE
from .services.common import MAX_FREE_TEXT


@login_required
@require_safe
def profile_list(request):
    if not request.user.has_perm("moderation.view_facilitationprofile"):
        raise PermissionDenied
    profiles = FacilitationProfile.objects.order_by("-is_default", "name")
    return render(request, "moderation/profile_list.html", {"profiles": profiles})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
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


# --- The facilitators' queue -----------------------------------------------------------------


@login_required
@require_safe
def queue(request):
    if not request.user.has_perm("moderation.view_queue"):
        raise PermissionDenied
    context = {
        "queue": selectors.queue_for(user=request.user),
        "reason_choices": reasons.choices(),
        "max_free_text": MAX_FREE_TEXT,
    }
    template = (
        "moderation/includes/queue_content.html" if request.GET.get("partial") == "1" else "moderation/queue.html"
    )
    return render(request, template, context)


def _dispatch(actor, data: dict) -> str:
    """Call the service a queue button names; returns what to tell the facilitator."""
    action = data["action"]
    message_id, debate_id, user_id = data.get("message_id"), data.get("debate_id"), data.get("user_id")
    code, text = data.get("reason_code") or "", data.get("reason") or ""
    minutes, seconds = data.get("minutes"), data.get("seconds")
    reason = {"reason_code": code, "reason": text}
    if action == "approve":
        services.message_approve(actor=actor, message_id=message_id)
        return _("The message is published.")
    if action == "reject":
        services.message_reject(actor=actor, message_id=message_id, **reason)
        return _("The message is refused; its author is told why.")
    if action == "hide":
        services.message_hide(actor=actor, message_id=message_id, **reason)
        return _("The message is hidden; its author is told why.")
    if action == "keep_hidden":
        services.message_keep_hidden(actor=actor, message_id=message_id, **reason)
        return _("The message stays hidden.")
    if action == "restore":
        services.message_restore(actor=actor, message_id=message_id)
        return _("The message is published again.")
    if action == "dismiss_reports":
        services.reports_dismiss(actor=actor, message_id=message_id)
        return _("The reports are dismissed; the message stays published.")
    if action == "reminder":
        services.participant_remind(actor=actor, debate_id=debate_id, user_id=user_id, **reason)
        return _("The participant is reminded of the charter.")
    if action == "review":
        services.participant_review(actor=actor, debate_id=debate_id, user_id=user_id, minutes=minutes or 60, **reason)
        return _("The participant’s messages wait for review for a while.")
    if action == "mute":
        services.participant_mute(actor=actor, debate_id=debate_id, user_id=user_id, minutes=minutes or 10, **reason)
        return _("The participant is muted for a while.")
    if action == "slow_mode":
        services.room_slow_down(actor=actor, debate_id=debate_id, seconds=seconds or 60, user_id=user_id, **reason)
        return _("The room is in slow mode.")
    if action == "pause":
        services.room_pause(actor=actor, debate_id=debate_id, user_id=user_id, **reason)
        return _("The room is paused.")
    services.participant_exclude(actor=actor, debate_id=debate_id, user_id=user_id, **reason)
    return _("The participant is excluded from the debate.")


@login_required
@require_POST
def queue_act(request):
    form = QueueActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The action could not be read: check the reason and the durations."))
    else:
        try:
            done = _dispatch(request.user, form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.detail)
            if error.http_status in (401, 403):
                raise PermissionDenied from error
        else:
            messages.success(request, done)
    return redirect(reverse("moderation:queue") + "#queue-status")


@login_required
@require_POST
def appeal_decide(request, appeal_id: int):
    form = AppealDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for the decision on the appeal."))
        return redirect(reverse("moderation:queue") + "#appeals-title")
    try:
        services.appeal_decide(
            actor=request.user,
            appeal_id=appeal_id,
            uphold=form.cleaned_data["decision"] == "uphold",
            reason=form.cleaned_data["reason"],
        )
    except ApplicationError as error:
        if error.http_status in (401, 403):
            raise PermissionDenied from error
        messages.error(request, error.detail)
    else:
        messages.success(request, _("The appeal is decided; the participant is told why."))
    return redirect(reverse("moderation:queue") + "#appeals-title")


# --- Appeals by participants --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def appeal(request, action_id: int):
    action = get_object_or_404(ModerationAction.objects.select_related("debate", "message"), pk=action_id)
    if not request.user.has_perm("moderation.appeal_action", action) or action.target_id != request.user.pk:
        raise Http404  # nobody learns what decisions concern others
    existing = Appeal.objects.filter(action=action).first()
    form = AppealForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            services.appeal_create(actor=request.user, action_id=action.pk, text=form.cleaned_data["text"])
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Your appeal is sent. You will get the decision by e-mail."))
            return redirect("moderation:appeal", action_id=action.pk)
    context = {"action": action, "appeal": existing, "form": form, "appealable": action.kind in APPEALABLE}
    return render(request, "moderation/appeal.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def appeal_for_message(request, message_id: int):
    """The appeal page of the latest appealable decision on one of the user's messages: the
    link a tombstone offers its author, who does not know the decision's number."""
    action = (
        ModerationAction.objects.filter(message_id=message_id, target=request.user, kind__in=APPEALABLE)
        .order_by("-created_at", "-pk")
        .first()
    )
    if action is None:
        raise Http404
    return redirect("moderation:appeal", action_id=action.pk)


# --- Reports without JavaScript -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, message_id: int):
    message = get_object_or_404(
        Message.objects.select_related("debate", "author"), pk=message_id, state=Message.State.PUBLISHED
    )
    if not request.user.has_perm("debates.view_debate", message.debate):
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_submit(
                actor=request.user,
                message_id=message.pk,
                reason=form.cleaned_data["reason"],
                detail=form.cleaned_data["detail"],
            )
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Thank you: the facilitators will look at your report."))
            return redirect(f"{message.debate.get_absolute_url()}#message-{message.pk}")
    return render(
        request, "moderation/report.html", {"message": message, "form": form}, status=400 if form.errors else 200
    )


# --- Personal mutes ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def personal_mutes(request):
    if request.method == "POST":
        form = PersonalMuteForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("This participant does not exist."))
        else:
            try:
                if form.cleaned_data["mute"]:
                    services.personal_mute(actor=request.user, user_id=form.cleaned_data["user_id"])
                    messages.success(request, _("Their messages are now collapsed for you, in every debate."))
                else:
                    services.personal_unmute(actor=request.user, user_id=form.cleaned_data["user_id"])
                    messages.success(request, _("You see their messages again."))
            except ApplicationError as error:
                messages.error(request, error.detail)
        return redirect(safe_next(request, request.POST.get("next"), fallback=reverse("moderation:personal_mutes")))
    return render(request, "moderation/personal_mutes.html", {"mutes": selectors.personal_mutes(user=request.user)})


# --- The public register ---------------------------------------------------------------------------


@require_safe
def register(request):
    return render(request, "moderation/register.html", {"figures": public_register.figures()})


@require_safe
@conditional_page
def register_csv(request):
    return csvfile.csv_response(
        public_register.CSV_HEADER, public_register.csv_rows(), filename="registre-moderation.csv"
    )


# --- Reformulation mode, from the room's facilitation panel -----------------------------------

_REFORMULATION_CHOICES = {"profile": None, "on": True, "off": False}


@login_required
@require_POST
def reformulation(request, debate_id: int):
    """Switch reformulation mode in a room (the facilitation panel's form; works without
    JavaScript). The room's facilitators only; the room is told live."""
    from debates import services as rooms
    from debates.models import Debate

    debate = get_object_or_404(Debate, pk=debate_id)
    choice = request.POST.get("required", "")
    if choice not in _REFORMULATION_CHOICES:
        messages.error(request, _("Choose whether reformulation mode is on, off or as the profile says."))
        return redirect("debates:room", slug=debate.slug)
    try:
        rooms.room_set_reformulation(actor=request.user, debate=debate, required=_REFORMULATION_CHOICES[choice])
    except ApplicationError as error:
        if error.code == "FORBIDDEN":
            raise PermissionDenied from error
        messages.error(request, error.detail)
    else:
        messages.success(request, _("Reformulation mode has been changed for this room."))
    return redirect("debates:room", slug=debate.slug)

"""Pages of the debates: the list, the room (a transcript with plain forms, made live by
``room.js``), closing with a synthesis, transcripts and calendars. Views validate input and call
the services; domain errors become form errors or HTTP statuses here."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.predicates import has_verified_email
from core import cards, csvfile
from core.conditional import conditional_page
from core.errors import ApplicationError
from debates import calendar as ical
from debates import exports, frames, selectors, services
from debates import hall as hall_screen
from debates.forms import MessageForm, SynthesisForm
from debates.models import Debate, Message, Report
from debates.predicates import facilitator_ids, is_debate_facilitator
from debates.strings import hall_strings, room_strings
from debates.transcript import transcript_data


def _debate(request, slug: str) -> Debate:
    debate = get_object_or_404(Debate.objects.select_related("engagement", "floor_user", "profile"), slug=slug)
    if not request.user.has_perm("debates.view_debate", debate):
        raise Http404
    facilitator_ids(debate)
    return debate


@require_safe
def index(request):
    return render(request, "debates/index.html", {"lists": selectors.debates_index()})


@require_safe
@conditional_page
def calendar(request):
    sessions = selectors.calendar_sessions()
    body = ical.sessions_ics(
        sessions, base_url=settings.SITE_URL, name=_("Debates of %(site)s") % {"site": settings.SITE_NAME}
    )
    return ical.ics_response(body, "debats.ics")


@require_safe
@conditional_page
def debate_calendar(request, slug):
    debate = _debate(request, slug)
    sessions = selectors.calendar_sessions(debate=debate)
    return ical.ics_response(
        ical.sessions_ics(sessions, base_url=settings.SITE_URL, name=debate.title), f"{debate.slug}.ics"
    )


@require_safe
@conditional_page
def sessions_csv(request):
    rows = exports.session_rows(exports.public_sessions(), base_url=settings.SITE_URL)
    return csvfile.csv_response(exports.SESSION_COLUMNS, rows, filename="seances-debats.csv")


@require_safe
@conditional_page
def debate_card(request, slug):
    """The debate's Open Graph image: its title and question on a card in the site's colours."""
    debate = _debate(request, slug)
    return cards.card_response(kind=_("Debate"), title=debate.title, subtitle=debate.question)


def _room_context(request, debate: Debate, *, form=None, nudge=None) -> dict:
    user = request.user
    participation = selectors.participation_of(debate=debate, user=user)
    facilitating = is_debate_facilitator(user, debate)
    verified = has_verified_email(user)
    now = timezone.now()
    muted_until = (
        participation.muted_until
        if participation and participation.muted_until and participation.muted_until > now
        else None
    )
    charter_accepted = bool(participation and participation.charter_accepted_at) or facilitating
    profile = services.debate_profile(debate)
    transcript = selectors.transcript(debate=debate)
    return {
        "debate": debate,
        "transcript": transcript,
        "last_seq": debate.last_seq,
        "facilitator_ids": facilitator_ids(debate),
        "is_facilitator": facilitating,
        "participation": participation,
        "verified": verified,
        "charter_accepted": charter_accepted,
        "muted_until": muted_until,
        "can_post": user.is_authenticated
        and verified
        and charter_accepted
        and not muted_until
        and debate.status == Debate.Status.OPEN,
        "form": form or MessageForm(max_length=profile.max_length),
        "max_length": profile.max_length,
        "nudge": nudge,
        "sessions": [s for s in debate.sessions.all() if s.ends_at >= now],
        "report_reasons": Report.Reason.choices,
        "modes": Debate.Mode.choices,
        "strings": room_strings(),
        "pending": selectors.held_of_author(debate=debate, user=user),
        "floor_min": settings.DEBATES_FLOOR_MIN_SECONDS,
        "floor_max": settings.DEBATES_FLOOR_MAX_SECONDS,
        "floor_default": settings.DEBATES_FLOOR_SECONDS,
    }


@require_safe
def room(request, slug):
    debate = _debate(request, slug)
    form = None
    reply_to = request.GET.get("reply_to", "")
    if reply_to.isdigit():
        form = MessageForm(initial={"reply_to": int(reply_to)}, max_length=services.debate_profile(debate).max_length)
    return render(request, "debates/room.html", _room_context(request, debate, form=form))


@require_safe
def hall(request, slug):
    """The read-only projection of the room for the meeting hall (made live by ``hall.js``)."""
    debate = _debate(request, slug)
    debate = Debate.objects.select_related("floor_user", "floor_hall_speaker").get(pk=debate.pk)
    join_url = settings.SITE_URL.rstrip("/") + debate.get_absolute_url()
    return render(
        request,
        "debates/hall.html",
        {
            "debate": debate,
            "floor": frames.floor(debate),
            "queue": frames.queue(selectors.speaking_queue(debate=debate)),
            "transcript": selectors.last_published(debate=debate, limit=hall_screen.LAST_MESSAGES),
            "facilitator_ids": facilitator_ids(debate),
            "join_url": join_url,
            "qr_svg": hall_screen.join_qr_svg(join_url, title=_("QR code to join the debate from a phone")),
            "strings": hall_strings(),
            "last_messages": hall_screen.LAST_MESSAGES,
        },
    )


@login_required
@require_POST
def post_message(request, slug):
    debate = _debate(request, slug)
    profile = services.debate_profile(debate)
    form = MessageForm(request.POST, max_length=profile.max_length)
    nudge = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = services.message_post(
                actor=request.user,
                debate=debate,
                client_id=data["client_id"],
                body=data["body"],
                reply_to_id=data["reply_to"],
                reformulation=data["reformulation"] or "",
                confirm=data["confirm"],
            )
        except ApplicationError as error:
            form.add_error("body", error.detail)
        else:
            if result.status == "nudged":
                nudge = result.verdict
                # Posting the same form again means "post it anyway".
                form = MessageForm({**request.POST.dict(), "confirm": "on"}, max_length=profile.max_length)
                form.is_valid()
            elif result.status == Message.State.HELD:
                messages.info(request, _("Your message is waiting for a facilitator’s review."))
                return redirect(debate.get_absolute_url() + "#composer")
            else:
                return redirect(f"{debate.get_absolute_url()}#message-{result.message.pk}")
    context = _room_context(request, debate, form=form, nudge=nudge)
    return render(request, "debates/room.html", context, status=200 if nudge else 400)


def _act(request, debate: Debate, action, success: str, **kwargs):
    try:
        action(actor=request.user, debate=debate, **kwargs)
    except ApplicationError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, success)
    return redirect(debate.get_absolute_url() + "#composer")


@login_required
@require_POST
def accept_charter(request, slug):
    debate = _debate(request, slug)
    return _act(request, debate, services.debate_accept_charter, _("Thank you: you can now take part."))


@login_required
@require_POST
def follow(request, slug):
    debate = _debate(request, slug)
    follow = request.POST.get("follow") == "1"
    done = (
        _("You follow this debate: we will remind you of its sessions by e-mail.")
        if follow
        else _("You no longer follow this debate.")
    )
    return _act(request, debate, services.debate_follow, done, follow=follow)


@login_required
@require_POST
def hand(request, slug):
    debate = _debate(request, slug)
    if request.POST.get("raise") == "1":
        return _act(
            request, debate, services.hand_raise, _("Your hand is raised: a facilitator will give you the floor.")
        )
    return _act(request, debate, services.hand_lower, _("Your hand is lowered."))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def close(request, slug):
    debate = _debate(request, slug)
    if not request.user.has_perm("debates.close_debate", debate):
        raise DjangoPermissionDenied
    form = SynthesisForm(request.POST or None, initial={"synthesis": debate.synthesis})
    if request.method == "POST" and form.is_valid():
        try:
            services.debate_close(actor=request.user, debate=debate, synthesis=form.cleaned_data["synthesis"])
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("The debate is closed and its synthesis published."))
            return redirect(debate.get_absolute_url())
    return render(request, "debates/close.html", {"debate": debate, "form": form}, status=400 if form.errors else 200)


@require_safe
def transcript_html(request, slug):
    debate = _debate(request, slug)
    html = render_to_string(
        "debates/transcript.html",
        {
            "debate": debate,
            "transcript": selectors.transcript(debate=debate),
            "facilitator_ids": facilitator_ids(debate),
            "generated_at": timezone.now(),
        },
        request=request,
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{debate.slug}-transcription.html"'
    return response


@require_safe
def transcript_json(request, slug):
    debate = _debate(request, slug)
    data = transcript_data(debate=debate, messages=selectors.transcript(debate=debate))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{debate.slug}-transcription.json"'
    return response

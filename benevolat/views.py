"""The volunteering pages: the public list, a call's page, answering in two clicks, and what the
organisers do from the call's page (decide, record hours, change, close)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.predicates import has_verified_email
from benevolat import selectors, services
from benevolat.forms import AnswerForm, CallForm, DecisionForm, FilterForm, HoursForm
from benevolat.models import Answer, Call
from benevolat.predicates import is_call_host_live
from benevolat.templatetags.benevolat_tags import hours
from core.errors import ApplicationError, VerificationRequired
from offres.models import Offer
from pactes.models import Pact
from pactes.predicates import allowed
from pactes.views.common import form_error

PAGE_SIZE = 20


def _visible_call(request, pk: int) -> Call:
    call = selectors.call_for_page(call_id=pk)
    if call is None or not allowed(request.user, "benevolat.view_call", call):
        raise Http404()
    return call


def _back_to(call: Call) -> HttpResponseRedirect:
    # 303: the browser reloads the call's page with GET; a refresh does not post again.
    response = HttpResponseRedirect(call.get_absolute_url())
    response.status_code = 303
    return response


@require_safe
def call_list(request):
    form = FilterForm(request.GET or None, neighbourhoods=selectors.neighbourhoods_listed())
    if request.GET and not form.is_valid():
        return render(request, "benevolat/list.html", {"form": form, "page": None}, status=400)
    selection = form.selection() if request.GET else {}
    calls = selectors.calls_for_list(**selection)
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "benevolat/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "filtered": any(selection.values())},
    )


def detail_context(request, call: Call, **extra) -> dict:
    user = request.user
    manages = allowed(user, "benevolat.manage_call", call)
    answers = selectors.answers_for_organisers(call=call) if manages else []
    context = {
        "call": call,
        "manages": manages,
        "my_answer": selectors.answer_of(call=call, user=user),
        "answers": answers,
        "places_left": max(0, call.places - call.accepted),
        "host_live": is_call_host_live(user, call),
    }
    context.update(extra)
    return context


@require_safe
def call_detail(request, pk: int):
    call = _visible_call(request, pk)
    return render(request, "benevolat/detail.html", detail_context(request, call))


def _failed(request, call: Call, error: ApplicationError):
    call = selectors.call_for_page(call_id=call.pk)
    return render(
        request, "benevolat/detail.html", detail_context(request, call, error=error.detail), status=error.http_status
    )


def _act(request, call: Call, action, success):
    """Run ``action``; say ``success`` (a text, or a function of what the action returned)."""
    try:
        result = action()
    except ApplicationError as error:
        return _failed(request, call, error)
    messages.success(request, success(result) if callable(success) else success)
    return _back_to(call)


def _hours_recorded(entry) -> str:
    values = {"date": date_format(entry.date, "j F Y"), "hours": hours(entry.hours)}
    if entry.previous_hours is None:
        return _("The hours are recorded.")
    if entry.previous_hours == entry.hours:
        return _("%(hours)s h were already recorded on %(date)s: nothing changed.") % values
    values["before"] = hours(entry.previous_hours)
    return _("The hours of %(date)s are corrected: %(hours)s h instead of %(before)s h.") % values


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_answer(request, pk: int):
    """The second click: a confirmation with an optional message, then « done »."""
    call = _visible_call(request, pk)
    form = AnswerForm(request.POST or None)
    error: ApplicationError | None = None
    if not has_verified_email(request.user):
        error = VerificationRequired()
    elif request.method == "POST":
        if not form.is_valid():
            error = form_error(form)
        else:
            try:
                services.answer_create(actor=request.user, call=call, message=form.cleaned_data["message"])
            except ApplicationError as exc:
                error = exc
            else:
                messages.success(
                    request,
                    _("Thank you! Your offer to help is sent to the organisers: they will answer you here."),
                )
                return _back_to(call)
    return render(
        request,
        "benevolat/answer.html",
        {
            "call": call,
            "form": form,
            "error": error.detail if error else None,
            "needs_verification": isinstance(error, VerificationRequired),
            "my_answer": selectors.answer_of(call=call, user=request.user),
        },
        status=error.http_status if error else 200,
    )


def _answer_of_call(call: Call, answer_id: int) -> Answer:
    # Forged ids: an answer of another call is not found here.
    answer = get_object_or_404(Answer.objects.select_related("volunteer"), pk=answer_id, call=call)
    answer.call = call
    return answer


@login_required
@require_POST
def answer_withdraw(request, pk: int):
    call = _visible_call(request, pk)
    answer = selectors.answer_of(call=call, user=request.user)
    if answer is None:
        raise Http404()
    return _act(
        request,
        call,
        lambda: services.answer_withdraw(actor=request.user, answer=answer),
        _("You have withdrawn. The organisers are told."),
    )


@login_required
@require_POST
def answer_decide(request, pk: int, answer_id: int):
    call = _visible_call(request, pk)
    answer = _answer_of_call(call, answer_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _failed(request, call, form_error(form))
    accept = form.cleaned_data["decision"] == "accept"
    return _act(
        request,
        call,
        lambda: services.answer_decide(
            actor=request.user, answer=answer, accept=accept, note=form.cleaned_data["note"]
        ),
        _("The volunteer is accepted and told.") if accept else _("The offer is declined and the person told."),
    )


@login_required
@require_POST
def hours_record(request, pk: int, answer_id: int):
    call = _visible_call(request, pk)
    answer = _answer_of_call(call, answer_id)
    form = HoursForm(request.POST)
    if not form.is_valid():
        return _failed(request, call, form_error(form))
    return _act(
        request,
        call,
        lambda: services.hours_record(
            actor=request.user, answer=answer, date=form.cleaned_data["date"], hours=form.cleaned_data["hours"]
        ),
        _hours_recorded,
    )


@login_required
@require_POST
def hours_remove(request, pk: int, answer_id: int, entry_id: int):
    call = _visible_call(request, pk)
    answer = _answer_of_call(call, answer_id)
    return _act(
        request,
        call,
        lambda: services.hours_remove(actor=request.user, answer=answer, entry_id=entry_id),
        _("The hours are removed."),
    )


@login_required
@require_POST
def call_close(request, pk: int):
    call = _visible_call(request, pk)
    return _act(request, call, lambda: services.call_close(actor=request.user, call=call), _("The call is closed."))


@login_required
@require_POST
def call_reopen(request, pk: int):
    call = _visible_call(request, pk)
    return _act(
        request, call, lambda: services.call_reopen(actor=request.user, call=call), _("The call is open again.")
    )


def _host(request) -> tuple[Offer | None, Pact | None]:
    """The offer (``?offre=``) or the pact (``?pacte=``) a new call is for; 404 for a forged id."""
    offer_id, pact_id = request.GET.get("offre", ""), request.GET.get("pacte", "")
    if bool(offer_id) == bool(pact_id) or not (offer_id or pact_id).isdigit() or len(offer_id or pact_id) > 12:
        raise Http404()
    if offer_id:
        return get_object_or_404(Offer, pk=int(offer_id)), None
    return None, get_object_or_404(Pact.objects.select_related("commons"), pk=int(pact_id))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_create(request):
    offer, pact = _host(request)
    permission = "benevolat.publish_call_on_offer" if offer else "benevolat.publish_call_on_pact"
    host = offer or pact
    if not allowed(request.user, permission, host):
        if pact is not None and not allowed(request.user, "pactes.view_pact", pact):
            raise Http404()
        return render(request, "benevolat/cannot_publish.html", {"host": host, "pact": pact}, status=403)
    form = CallForm(request.POST or None, initial={"commitment": Call.Commitment.ONE_OFF, "places": 1})
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_publish(actor=request.user, text=form.call_text(), offer=offer, pact=pact)
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Your call for volunteers is published."))
            return _back_to(call)
    return render(
        request, "benevolat/form.html", {"form": form, "host": host, "call": None}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_edit(request, pk: int):
    call = _visible_call(request, pk)
    if not allowed(request.user, "benevolat.manage_call", call):
        raise Http404()
    form = CallForm(request.POST or None, initial=CallForm.initial_for(call))
    if request.method == "POST" and form.is_valid():
        try:
            services.call_update(actor=request.user, call=call, text=form.call_text())
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("The call is updated."))
            return _back_to(call)
    return render(
        request,
        "benevolat/form.html",
        {"form": form, "host": call.host, "call": call},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def my_answers(request):
    return render(request, "benevolat/mine.html", {"answers": selectors.answers_of_volunteer(user=request.user)})

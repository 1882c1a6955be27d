"""The pact page and the actions posted from it: proposal, transitions, comments, joining, files."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cite.errors import ApplicationError, InvalidInput
from pactes import proposals, selectors, services
from pactes.forms import (
    AnswerForm,
    AttachmentForm,
    CommentForm,
    CouncilForm,
    DebateLinkForm,
    JoinDecisionForm,
    JoinForm,
    ProposalForm,
    ReasonForm,
)
from pactes.models import Comment, JoinRequest, Pact
from pactes.predicates import allowed
from pactes.signing import signature_check_reauthentication
from pactes.views.common import act, act_on_form, detail_context, failed, form_error, represented, visible_pact
from pactes.workflow import MANUAL, TRANSITIONS, pact_transition


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request):
    if not allowed(request.user, "pactes.propose_pact"):
        return render(request, "pactes/cannot_propose.html", status=403)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        organisations=represented(request.user),
        commons=selectors.commons_for_proposal(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pact = proposals.pact_propose(actor=request.user, **form.service_arguments())
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(
                request, _("Your draft is saved. Read it again, complete it if needed, then submit it to the city.")
            )
            return redirect(pact)
    return render(request, "pactes/propose.html", {"form": form}, status=400 if form.errors else 200)


@require_safe
def pact_detail(request, pk: int):
    pact = visible_pact(request, pk)
    return render(request, "pactes/pact_detail.html", detail_context(request, pact))


@login_required
@require_POST
def pact_action(request, pk: int, name: str):
    pact = visible_pact(request, pk)
    if name not in MANUAL:
        raise Http404()
    return act_on_form(
        request,
        pact,
        ReasonForm(request.POST),
        lambda data: pact_transition(pact=pact, name=name, actor=request.user, reason=data["reason"]),
        _("Done: %(action)s.") % {"action": TRANSITIONS[name].label},
    )


@login_required
@require_POST
def council_reference(request, pk: int):
    pact = visible_pact(request, pk)
    return act_on_form(
        request,
        pact,
        CouncilForm(request.POST),
        lambda data: services.council_reference_set(actor=request.user, pact=pact, reference=data["reference"]),
        _("The council decision reference is saved."),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def debate_link(request, pk: int):
    """A page of its own, so that the list of debates costs nothing on the pact page."""
    pact = visible_pact(request, pk)
    if not allowed(request.user, "pactes.link_debate_pact", pact):
        raise Http404()
    form = DebateLinkForm(request.POST or None, initial={"debate": pact.co_design_debate_id})
    if request.method == "POST" and form.is_valid():
        try:
            services.pact_link_debate(actor=request.user, pact=pact, debate=form.cleaned_data["debate"])
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("The debate room of the co-design meetings is saved."))
            return redirect(pact)
    return render(request, "pactes/debate_link.html", {"pact": pact, "form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def comment_create(request, pk: int):
    pact = visible_pact(request, pk)
    return act_on_form(
        request,
        pact,
        CommentForm(request.POST),
        lambda data: services.comment_post(
            actor=request.user, pact=pact, version_number=data["version"], clause_id=data["clause"], body=data["body"]
        ),
        _("Your comment is published."),
    )


@login_required
@require_POST
def comment_answer(request, pk: int, comment_id: int):
    pact = visible_pact(request, pk)
    comment = get_object_or_404(Comment.objects.select_related("pact"), pk=comment_id, pact=pact)
    return act_on_form(
        request,
        pact,
        AnswerForm(request.POST),
        lambda data: services.comment_answer(actor=request.user, comment=comment, answer=data["answer"]),
        _("Your answer is published."),
    )


@login_required
@require_POST
def join(request, pk: int):
    pact = visible_pact(request, pk)
    signs = pact.status == Pact.Status.ACTIVE
    form = JoinForm(request.POST, organisations=represented(request.user), signs=signs)
    if not form.is_valid():
        return failed(request, pact, form_error(form))
    data = form.cleaned_data

    def ask():
        if signs:
            if not ratelimit.consume(request, action="reauthenticate", user=request.user):
                raise InvalidInput(_("Too many attempts. Wait a minute and try again."), code="RATE_LIMITED")
            signature_check_reauthentication(user=request.user, password=data["password"])
        services.join_request_create(
            actor=request.user,
            pact=pact,
            message=data["message"],
            organisation=data["organisation"],
            signed_version_number=data.get("version"),
        )

    return act(request, pact, ask, _("Your request is sent to the parties of the pact."))


@login_required
@require_POST
def join_decide(request, pk: int, request_id: int):
    pact = visible_pact(request, pk)
    join_request = get_object_or_404(JoinRequest, pk=request_id, pact=pact)
    form = JoinDecisionForm(request.POST)
    if not form.is_valid():
        return failed(request, pact, form_error(form))
    accept = form.cleaned_data["decision"] == "accept"
    return act(
        request,
        pact,
        lambda: services.join_request_decide(
            actor=request.user, join_request=join_request, accept=accept, reason=form.cleaned_data["reason"]
        ),
        _("The request is accepted.") if accept else _("The request is declined."),
    )


@login_required
@require_POST
def attachment_upload(request, pk: int):
    pact = visible_pact(request, pk)
    return act_on_form(
        request,
        pact,
        AttachmentForm(request.POST, request.FILES),
        lambda data: services.attachment_add(actor=request.user, pact=pact, upload=data["file"], title=data["title"]),
        _("The file is attached to the pact."),
    )

"""Pages of the pact workflow. Views validate input with forms, call one service, and turn a
domain error into a page showing it with the error's HTTP status."""

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Membership, Organisation
from cite.errors import ApplicationError, InvalidInput
from pactes import selectors, services
from pactes.diff import clause_changes, field_changes
from pactes.forms import (
    AnswerForm,
    AttachmentForm,
    CommentForm,
    CouncilForm,
    DebateLinkForm,
    EditForm,
    JoinForm,
    ProposalForm,
    ReasonForm,
    SignForm,
    VerifyForm,
)
from pactes.models import Attachment, Comment, Commons, JoinRequest, Pact
from pactes.pdf import version_pdf
from pactes.predicates import allowed
from pactes.signing import pact_sign, parties_user_may_sign_for, signature_check_reauthentication
from pactes.workflow import MANUAL, TRANSITIONS, pact_transition

PAGE_SIZE = 30


def _visible_pact(request, pk: int) -> Pact:
    pact = selectors.pact_for_page(pact_id=pk)
    if pact is None or not allowed(request.user, "pactes.view_pact", pact):
        raise Http404()
    return pact


def _represented(user):
    """Organisations ``user`` represents, except city departments (they act through the city party)."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.REPRESENTATIVE
    ).exclude(kind=Organisation.Kind.CITY_DEPARTMENT)


# --- public lists -----------------------------------------------------------------------------


@require_GET
def pact_list(request):
    status = request.GET.get("statut", "")
    page = Paginator(selectors.pact_list(status=status), PAGE_SIZE).get_page(request.GET.get("page"))
    statuses = [(value, label) for value, label in Pact.Status.choices if value != Pact.Status.DRAFT]
    context = {"page": page, "status": status, "statuses": statuses}
    return render(request, "pactes/pact_list.html", context)


@require_GET
def commons_list(request):
    page = Paginator(selectors.commons_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "pactes/commons_list.html", {"page": page})


@require_GET
def commons_photo(request, pk: int):
    commons = get_object_or_404(Commons.objects.exclude(photo=""), pk=pk)
    visible = commons.is_validated or (request.user.is_authenticated and commons.suggested_by_id == request.user.pk)
    visible = visible or selectors.public_pacts().filter(commons=commons).exists()
    if not visible:
        raise Http404()
    return _serve(commons.photo, f"bien-commun-{commons.pk}")


def _serve(field_file, stem: str) -> FileResponse:
    extension = field_file.name.rsplit(".", 1)[-1]
    content_type = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "pdf": "application/pdf"}.get(
        extension, "application/octet-stream"
    )
    response = FileResponse(field_file.open("rb"), content_type=content_type)
    # Uploaded PDFs are downloaded, never displayed from the site's origin; images (checked by
    # content, no SVG) are shown in place.
    disposition = "attachment" if extension == "pdf" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{stem}.{extension}"'
    return response


@require_GET
def attachment(request, pk: int):
    item = get_object_or_404(Attachment.objects.select_related("pact"), pk=pk)
    if not allowed(request.user, "pactes.view_pact", item.pact):
        raise Http404()
    return _serve(item.file, f"piece-jointe-{item.pk}")


# --- proposal --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def propose(request):
    if not allowed(request.user, "pactes.propose_pact"):
        return render(request, "pactes/cannot_propose.html", status=403)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        organisations=_represented(request.user),
        commons=selectors.commons_for_proposal(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pact = services.pact_propose(actor=request.user, **form.service_arguments())
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(
                request, _("Your draft is saved. Read it again, complete it if needed, then submit it to the city.")
            )
            return redirect(pact)
    return render(request, "pactes/propose.html", {"form": form}, status=400 if form.errors else 200)


# --- the pact page --------------------------------------------------------------------------


def _actions(user, pact: Pact) -> list[dict]:
    actions = []
    for name in MANUAL:
        transition = TRANSITIONS[name]
        if pact.status in transition.sources and allowed(user, transition.permission, pact):
            actions.append({"name": name, "label": transition.label, "reason_required": transition.reason_required})
    return actions


def _detail_context(request, pact: Pact, **extra) -> dict:
    user = request.user
    version = selectors.version_with_clauses(pact=pact, comments=True)
    frozen = pact.frozen_version
    signatures = selectors.signatures_of(version=frozen) if frozen else []
    can = {
        name: allowed(user, f"pactes.{name}_pact", pact)
        for name in ["edit", "comment", "answer_comment", "request_join", "decide_join", "attach", "sign"]
    }
    can["link_debate"] = allowed(user, "pactes.link_debate_pact", pact)
    can["set_council_reference"] = pact.type == Pact.Type.COMPLEX and allowed(
        user, "pactes.set_council_reference_pact", pact
    )
    live = [s for s in signatures if s.voided_at is None]
    signed_parties = {s.party_id for s in live}
    context = {
        "pact": pact,
        "version": version,
        "versions": selectors.version_numbers(pact=pact),
        "events": selectors.timeline(pact=pact),
        "attachments": list(pact.attachments.all()),
        "signatures": live,
        "unsigned_parties": [p for p in pact.parties.all() if p.pk not in signed_parties] if frozen else [],
        "actions": _actions(user, pact),
        "can": can,
        "join_requests": list(pact.join_requests.filter(status=JoinRequest.Status.PENDING).select_related("user"))
        if can["decide_join"]
        else [],
        "reason_form": ReasonForm(),
        "comment_form": CommentForm(),
        "join_form": JoinForm(organisations=_represented(user)) if can["request_join"] else None,
        "attachment_form": AttachmentForm() if can["attach"] else None,
        "council_form": CouncilForm(initial={"reference": pact.council_decision_reference})
        if can["set_council_reference"]
        else None,
    }
    context.update(extra)
    return context


@require_GET
def pact_detail(request, pk: int):
    pact = _visible_pact(request, pk)
    return render(request, "pactes/pact_detail.html", _detail_context(request, pact))


def _failed(request, pact: Pact, error: ApplicationError, **extra):
    """The pact page again, with the error in a notice and the error's status."""
    pact = selectors.pact_for_page(pact_id=pact.pk)
    context = _detail_context(request, pact, error=error.detail, **extra)
    return render(request, "pactes/pact_detail.html", context, status=error.http_status)


def _form_error(form) -> InvalidInput:
    """The first error of an invalid form, as a domain error shown on the pact page."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        return InvalidInput(_("%(field)s: %(error)s") % {"field": label, "error": errors[0]} if label else errors[0])
    return InvalidInput()


def _act(request, pact: Pact, call, success: str, **extra):
    try:
        call()
    except ApplicationError as error:
        return _failed(request, pact, error, **extra)
    messages.success(request, success)
    # 303: the browser reloads the pact page with GET, and a refresh does not post again.
    response = HttpResponseRedirect(reverse("pactes:detail", args=[pact.pk]))
    response.status_code = 303
    return response


@login_required
@require_POST
def pact_action(request, pk: int, name: str):
    pact = _visible_pact(request, pk)
    if name not in MANUAL:
        raise Http404()
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _failed(request, pact, _form_error(form))
    reason = form.cleaned_data["reason"]
    label = TRANSITIONS[name].label
    return _act(
        request,
        pact,
        lambda: pact_transition(pact=pact, name=name, actor=request.user, reason=reason),
        _("Done: %(action)s.") % {"action": label},
    )


@login_required
@require_POST
def council_reference(request, pk: int):
    pact = _visible_pact(request, pk)
    form = CouncilForm(request.POST)
    if not form.is_valid():
        return _failed(request, pact, _form_error(form))
    reference = form.cleaned_data["reference"]
    return _act(
        request,
        pact,
        lambda: services.council_reference_set(actor=request.user, pact=pact, reference=reference),
        _("The council decision reference is saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def debate_link(request, pk: int):
    """A page of its own, so that the list of debates costs nothing on the pact page."""
    pact = _visible_pact(request, pk)
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


# --- text: edit, versions, diff, PDF ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def pact_edit(request, pk: int):
    pact = _visible_pact(request, pk)
    if not allowed(request.user, "pactes.edit_pact", pact):
        raise Http404()
    latest = selectors.version_with_clauses(pact=pact)
    clauses = [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.all()]
    initial = {
        "based_on": latest.number,
        "title": latest.title,
        "start_date": latest.start_date,
        "end_date": latest.end_date,
    }
    form = EditForm(request.POST or None, initial=initial, clauses=clauses)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.version_create(
                actor=request.user,
                pact=pact,
                based_on=data["based_on"],
                clauses=form.clauses(),
                title=data["title"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                note=data["note"],
            )
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Version %(n)s is saved.") % {"n": version.number})
            return redirect(pact)
    context = {"pact": pact, "form": form, "latest": latest}
    return render(request, "pactes/edit.html", context, status=400 if form.errors else 200)


def _version_or_404(pact: Pact, number, *, comments: bool = False):
    try:
        number = int(number)
    except (TypeError, ValueError):
        raise Http404() from None
    version = selectors.version_with_clauses(pact=pact, number=number, comments=comments)
    if version is None:
        raise Http404()
    return version


@require_GET
def version_detail(request, pk: int, number: int):
    pact = _visible_pact(request, pk)
    version = _version_or_404(pact, number, comments=True)
    context = {
        "pact": pact,
        "version": version,
        "versions": selectors.version_numbers(pact=pact),
        "signatures": selectors.signatures_of(version=version),
    }
    return render(request, "pactes/version.html", context)


@require_GET
@csp_exempt()  # a PDF the site generated itself; the CSP of HTML pages would stop the viewer
def version_pdf_view(request, pk: int, number: int):
    pact = _visible_pact(request, pk)
    version = _version_or_404(pact, number)
    data = version_pdf(request=request, pact=pact, version=version, signatures=selectors.signatures_of(version=version))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pacte-{pact.pk}-version-{version.number}.pdf"'
    return response


DIFF_LABELS = {
    "title": _("Title"),
    "start_date": _("Start date"),
    "end_date": _("End date"),
    "parties": _("Parties"),
}


@require_GET
def version_diff(request, pk: int):
    pact = _visible_pact(request, pk)
    versions = selectors.version_numbers(pact=pact)
    latest = versions[0]["number"]
    default_from = max(1, latest - 1)
    old = _version_or_404(pact, request.GET.get("from", default_from))
    new = _version_or_404(pact, request.GET.get("to", latest))
    labels = {key: str(label) for key, label in DIFF_LABELS.items()}
    context = {
        "pact": pact,
        "old": old,
        "new": new,
        "versions": versions,
        "changes": clause_changes(old, new),
        "fields": field_changes(old, new, labels=labels),
    }
    return render(request, "pactes/diff.html", context)


# --- comments, joining, attachments ---------------------------------------------------------


@login_required
@require_POST
def comment_create(request, pk: int):
    pact = _visible_pact(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _failed(request, pact, _form_error(form))
    data = form.cleaned_data
    return _act(
        request,
        pact,
        lambda: services.comment_post(
            actor=request.user, pact=pact, version_number=data["version"], clause_id=data["clause"], body=data["body"]
        ),
        _("Your comment is published."),
    )


@login_required
@require_POST
def comment_answer(request, pk: int, comment_id: int):
    pact = _visible_pact(request, pk)
    comment = get_object_or_404(Comment.objects.select_related("pact"), pk=comment_id, pact=pact)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _failed(request, pact, _form_error(form))
    answer = form.cleaned_data["answer"]
    return _act(
        request,
        pact,
        lambda: services.comment_answer(actor=request.user, comment=comment, answer=answer),
        _("Your answer is published."),
    )


@login_required
@require_POST
def join(request, pk: int):
    pact = _visible_pact(request, pk)
    form = JoinForm(request.POST, organisations=_represented(request.user))
    if not form.is_valid():
        return _failed(request, pact, _form_error(form))
    data = form.cleaned_data
    return _act(
        request,
        pact,
        lambda: services.join_request_create(
            actor=request.user, pact=pact, message=data["message"], organisation=data["organisation"]
        ),
        _("Your request is sent to the parties of the pact."),
    )


@login_required
@require_POST
def join_decide(request, pk: int, request_id: int):
    pact = _visible_pact(request, pk)
    join_request = get_object_or_404(JoinRequest, pk=request_id, pact=pact)
    accept = request.POST.get("decision") == "accept"
    return _act(
        request,
        pact,
        lambda: services.join_request_decide(actor=request.user, join_request=join_request, accept=accept),
        _("The request is accepted.") if accept else _("The request is declined."),
    )


@login_required
@require_POST
def attachment_upload(request, pk: int):
    pact = _visible_pact(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _failed(request, pact, _form_error(form))
    return _act(
        request,
        pact,
        lambda: services.attachment_add(
            actor=request.user, pact=pact, upload=form.cleaned_data["file"], title=form.cleaned_data["title"]
        ),
        _("The file is attached to the pact."),
    )


# --- signing and verification -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def sign(request, pk: int):
    from allauth.core import ratelimit
    from allauth.mfa.models import Authenticator

    pact = _visible_pact(request, pk)
    frozen = pact.frozen_version
    if pact.status != Pact.Status.SIGNING or frozen is None or not allowed(request.user, "pactes.sign_pact", pact):
        raise Http404()
    version = selectors.version_with_clauses(pact=pact, number=frozen.number)
    signed = {s.party_id for s in selectors.signatures_of(version=version) if s.voided_at is None}
    parties = [
        p for p in parties_user_may_sign_for(user=request.user, pact=pact, version=version) if p.pk not in signed
    ]
    needs_code = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
    form = SignForm(
        request.POST or None, initial={"version_number": version.number}, parties=parties, needs_code=needs_code
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if not ratelimit.consume(request, action="reauthenticate", user=request.user):
                raise InvalidInput(_("Too many attempts. Wait a minute and try again."), code="RATE_LIMITED")
            signature_check_reauthentication(user=request.user, password=data["password"], code=data.get("code", ""))
            party = next(p for p in parties if p.pk == data["party"])
            pact_sign(pact=pact, signer=request.user, version_number=data["version_number"], party=party)
        except ApplicationError as error:
            form.add_error(None, error.detail)
            status = error.http_status
        else:
            messages.success(request, _("Your signature is recorded."))
            return redirect(pact)
    if form.errors and status == 200:
        status = 400
    context = {"pact": pact, "version": version, "form": form, "parties": parties}
    return render(request, "pactes/sign.html", context, status=status)


@require_GET
def verify(request):
    form = VerifyForm(request.GET or None)
    context = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        fingerprint = form.cleaned_data["empreinte"]
        version = selectors.version_by_fingerprint(fingerprint=fingerprint)
        context.update(searched=True, fingerprint=fingerprint, version=version)
        if version is not None:
            from pactes.canonical import fingerprint as compute
            from pactes.canonical import version_document

            context["intact"] = compute(version_document(version)) == version.content_hash
            context["signatures"] = selectors.signatures_of(version=version)
            context["pact"] = version.pact
    status = 400 if form.errors else 200
    return render(request, "pactes/verify.html", context, status=status)

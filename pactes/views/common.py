"""Helpers shared by the pact pages: visibility, the pact page context, errors shown in place."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation, User
from core.errors import ApplicationError, InvalidInput
from pactes import linked, selectors
from pactes.deadlines import overdue_items
from pactes.forms import (
    AttachmentForm,
    CommentForm,
    CouncilForm,
    JoinForm,
    ReasonForm,
    ReportAnswerForm,
)
from pactes.integrity import check_version
from pactes.models import JoinRequest, Pact
from pactes.predicates import allowed
from pactes.services.workflow import MANUAL, TRANSITIONS


def visible_pact(request, pk: int) -> Pact:
    pact = selectors.pact_for_page(pact_id=pk)
    if pact is None or not allowed(request.user, "pactes.view_pact", pact):
        raise Http404()
    return pact


def represented(user):
    """Organisations ``user`` represents, except city departments (they act through the city party)."""
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.REPRESENTATIVE
    ).exclude(kind=Organisation.Kind.CITY_DEPARTMENT)


def serve_file(field_file, stem: str) -> FileResponse:
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


# Actions that stop or end a pact's course: shown apart, in the danger style, after the others.
DESTRUCTIVE = {"reject", "withdraw", "suspend", "terminate"}


def available_actions(user, pact: Pact) -> list[dict]:
    actions = []
    for name in MANUAL:
        transition = TRANSITIONS[name]
        if pact.status in transition.sources and allowed(user, transition.permission, pact):
            actions.append(
                {
                    "name": name,
                    "label": transition.label,
                    "reason_required": transition.reason_required,
                    "destructive": name in DESTRUCTIVE,
                }
            )
    return actions


def detail_context(request, pact: Pact, **extra) -> dict:
    user = request.user
    version, versions = selectors.versions_with_latest_text(pact=pact)
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
    # Only a pact that has been active can have reports: no query for the others.
    reports = (
        []
        if pact.status not in {Pact.Status.ACTIVE, Pact.Status.SUSPENDED, Pact.Status.ENDED}
        else list(
            pact.reports.select_related("party__organisation", "party__person")
            .prefetch_related("photos")
            .order_by("period")
        )
    )
    live = [s for s in signatures if s.voided_at is None]
    actions = available_actions(user, pact)
    integrity = None
    if frozen is not None:
        # The text put to signature, recomputed from what is stored, against its signatures and
        # the public journal: a text changed behind the workflow's back shows here.
        clauses = list(version.clauses.all()) if version is not None and version.pk == frozen.pk else None
        frozen.pact = pact
        integrity = check_version(
            version=frozen, clauses=clauses, signatures=signatures, entries=selectors.journal_of(version=frozen)
        )
    signed_parties = {s.party_id for s in live}
    can["report"] = allowed(user, "pactes.report_pact", pact)
    can["answer_report"] = allowed(user, "pactes.answer_report_pact", pact)
    can["renew"] = allowed(user, "pactes.renew_pact", pact) and pact.frozen_version_id is not None
    context = {
        "pact": pact,
        "integrity": integrity,
        "reports": reports,
        "age_bands": User.AgeBand.choices,
        "overdue": overdue_items(pact, reported_periods={r.period for r in reports}),
        "report_answer_form": ReportAnswerForm() if can["answer_report"] else None,
        "version": version,
        "versions": versions,
        "events": selectors.timeline(pact=pact),
        "attachments": list(pact.attachments.all()),
        "signatures": live,
        "unsigned_parties": [p for p in pact.parties.all() if p.pk not in signed_parties] if frozen else [],
        "actions": actions,
        "has_destructive_actions": any(action["destructive"] for action in actions),
        "can": can,
        "join_requests": list(
            pact.join_requests.filter(status=JoinRequest.Status.PENDING).select_related(
                "user", "organisation", "signed_version"
            )
        )
        if can["decide_join"]
        else [],
        "reason_form": ReasonForm(),
        "comment_form": CommentForm(),
        "join_form": JoinForm(
            organisations=represented(user),
            signs=pact.status == Pact.Status.ACTIVE,
            initial={"version": pact.frozen_version.number if pact.frozen_version_id else None},
        )
        if can["request_join"]
        else None,
        "my_join_requests": list(pact.join_requests.filter(user=user).exclude(status=JoinRequest.Status.PENDING))
        if user.is_authenticated and not can["decide_join"]
        else [],
        "attachment_form": AttachmentForm() if can["attach"] else None,
        "council_form": CouncilForm(initial={"reference": pact.council_decision_reference})
        if can["set_council_reference"]
        else None,
    }
    # Sections other apps add (volunteering: the pact's calls for volunteers).
    context["sections"] = linked.pact_sections(pact=pact, request=request)
    for section in context["sections"]:
        context.update(section.context)
    context.update(extra)
    return context


def failed(request, pact: Pact, error: ApplicationError, **extra):
    """The pact page again, with the error in a notice and the error's status."""
    pact = selectors.pact_for_page(pact_id=pact.pk)
    context = detail_context(request, pact, error=error.detail, **extra)
    return render(request, "pactes/pact_detail.html", context, status=error.http_status)


def form_error(form) -> InvalidInput:
    """The first error of an invalid form, as a domain error shown on the pact page."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        return InvalidInput(_("%(field)s: %(error)s") % {"field": label, "error": errors[0]} if label else errors[0])
    return InvalidInput()


def act_on_form(request, pact: Pact, form, call, success: str):
    """Validate ``form``, then ``call(cleaned_data)``: errors of either show on the pact page."""
    if not form.is_valid():
        return failed(request, pact, form_error(form))
    return act(request, pact, lambda: call(form.cleaned_data), success)


def act(request, pact: Pact, call, success: str, **extra):
    try:
        call()
    except ApplicationError as error:
        return failed(request, pact, error, **extra)
    messages.success(request, success)
    # 303: the browser reloads the pact page with GET, and a refresh does not post again.
    response = HttpResponseRedirect(reverse("pactes:detail", args=[pact.pk]))
    response.status_code = 303
    return response

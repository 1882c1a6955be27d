"""The text of a pact: editing into a new version, versions, their PDF and the diff."""

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from core.conditional import conditional_page
from core.errors import ApplicationError
from pactes import canonical, selectors
from pactes.diff import clause_changes, field_changes
from pactes.forms import (
    EditForm,
)
from pactes.models import Pact
from pactes.pdf import version_pdf
from pactes.predicates import allowed
from pactes.services import versions
from pactes.views.common import (
    visible_pact,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pact_edit(request, pk: int):
    pact = visible_pact(request, pk)
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
            version = versions.version_create(
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


@require_safe
def version_detail(request, pk: int, number: int):
    pact = visible_pact(request, pk)
    version = _version_or_404(pact, number, comments=True)
    context = {
        "pact": pact,
        "version": version,
        "versions": selectors.version_numbers(pact=pact),
        "signatures": selectors.signatures_of(version=version),
    }
    return render(request, "pactes/version.html", context)


@require_safe
@csp_exempt()  # a PDF the site generated itself; the CSP of HTML pages would stop the viewer
def version_pdf_view(request, pk: int, number: int):
    pact = visible_pact(request, pk)
    version = _version_or_404(pact, number)
    data = version_pdf(request=request, pact=pact, version=version, signatures=selectors.signatures_of(version=version))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="pacte-{pact.pk}-version-{version.number}.pdf"'
    return response


@require_safe
@conditional_page
def version_json_view(request, pk: int, number: int):
    """The canonical form of a version: exactly the bytes whose SHA-256 is its fingerprint,
    rebuilt from the stored text, so that anyone can recompute the fingerprint themselves."""
    pact = visible_pact(request, pk)
    version = _version_or_404(pact, number)
    response = HttpResponse(
        canonical.canonical_bytes(canonical.version_document(version)), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="pacte-{pact.pk}-version-{version.number}.json"'
    if pact.is_public:
        response["Access-Control-Allow-Origin"] = "*"
    return response


# Lazy: the labels are read in the language of each request, not of the first import.
DIFF_LABELS = {
    "title": gettext_lazy("Title"),
    "start_date": gettext_lazy("Start date"),
    "end_date": gettext_lazy("End date"),
    "parties": gettext_lazy("Parties"),
}


@require_safe
def version_diff(request, pk: int):
    pact = visible_pact(request, pk)
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

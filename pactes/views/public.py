"""Public pages: commons photos, files, and the verification of a fingerprint (the register is
in register.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from pactes import selectors
from pactes.forms import (
    VerifyForm,
)
from pactes.integrity import check_version
from pactes.models import Attachment, Commons
from pactes.predicates import allowed
from pactes.views.common import serve_file


@require_safe
def commons_photo(request, pk: int):
    commons = get_object_or_404(Commons.objects.exclude(photo=""), pk=pk)
    visible = commons.is_validated or (request.user.is_authenticated and commons.suggested_by_id == request.user.pk)
    visible = visible or selectors.public_pacts().filter(commons=commons).exists()
    if not visible:
        raise Http404()
    return serve_file(commons.photo, f"bien-commun-{commons.pk}")


@require_safe
def attachment(request, pk: int):
    item = get_object_or_404(Attachment.objects.select_related("pact"), pk=pk)
    if not allowed(request.user, "pactes.view_pact", item.pact):
        raise Http404()
    return serve_file(item.file, f"piece-jointe-{item.pk}")


@require_safe
def verify(request):
    form = VerifyForm(request.GET or None)
    context = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        fingerprint = form.cleaned_data["empreinte"]
        version = selectors.version_by_fingerprint(fingerprint=fingerprint)
        context.update(searched=True, fingerprint=fingerprint, version=version)
        if version is not None:
            signatures = selectors.signatures_of(version=version)
            integrity = check_version(
                version=version, signatures=signatures, entries=selectors.journal_of(version=version)
            )
            context.update(
                integrity=integrity,
                intact=integrity.intact,
                signatures=signatures,
                pact=version.pact,
                # The fingerprint asked for is an old one, kept by a signature or the journal.
                fingerprint_is_current=fingerprint == integrity.recomputed,
            )
    status = 400 if form.errors else 200
    return render(request, "pactes/verify.html", context, status=status)

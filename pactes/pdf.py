"""The PDF of a pact version (tagged, PDF/UA): clauses, parties, dates, fingerprint, signatures."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.pdfdoc import accessible_pdf


def version_pdf(*, request, pact, version, signatures) -> bytes:
    # The PDF is a document of the pact: written in the language of its text (its /Lang, docs/i18n.md),
    # whatever the reader's — the city's language for a pact written in French.
    with translation.override(pact.language or settings.LANGUAGE_CODE):
        html = render_to_string(
            "pactes/pdf/version.html",
            {
                "pact": pact,
                "version": version,
                "signatures": [s for s in signatures if s.voided_at is None],
                "voided": [s for s in signatures if s.voided_at is not None],
                "verify_url": request.build_absolute_uri(reverse("pactes:verify")),
            },
        )
    return accessible_pdf(html=html, base_url=request.build_absolute_uri("/"))

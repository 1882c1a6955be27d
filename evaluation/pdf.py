"""The yearly report as a PDF."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string


def report_pdf(*, page, request: HttpRequest) -> bytes:
    """The published report as a tagged PDF/UA document, with the same figures, charts and tables."""
    from core.pdfdoc import accessible_pdf

    html = render_to_string("evaluation/yearly_report_pdf.html", {"page": page, "self": page, "request": request})
    return accessible_pdf(html=html, base_url=request.build_absolute_uri("/"))

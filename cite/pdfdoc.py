"""The one way the site prints a PDF: tagged and PDF/UA-1 (accessible documents, as the RGAA
asks of French public bodies).

WeasyPrint's ``pdf/ua-1`` variant writes the structure tree from the HTML (headings, lists,
tables, figures with their ``alt``), ``/MarkInfo``, the XMP metadata with the PDF/UA
identifier, and shows the document title. The template must give ``<html lang>`` (the
document's ``/Lang``) and a ``<title>``."""

from __future__ import annotations

PDF_VARIANT = "pdf/ua-1"


def accessible_pdf(*, html: str, base_url: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)

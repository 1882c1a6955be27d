"""Checks of the site's PDFs as an accessibility auditor reads them (pikepdf and pypdf)."""

import io

import pikepdf
from pypdf import PdfReader


def check_pdf_ua(data: bytes, *, title: str) -> None:
    """What an accessibility checker looks at first: a structure tree, marked content, the
    document's language and title shown in the window, and XMP metadata claiming PDF/UA-1."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root, "tagged: a structure tree"
        assert root.StructTreeRoot.get("/K") is not None, "the structure tree has content"
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang).lower().startswith("fr")
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert "/Metadata" in root
        with pdf.open_metadata() as meta:
            assert meta.get("pdfuaid:part") == "1"
            assert title in (meta.get("dc:title") or "")
        kinds = _structure_kinds(root.StructTreeRoot)
        assert {"/H1", "/P"} <= kinds, kinds
    assert title in (PdfReader(io.BytesIO(data)).metadata.title or "")


def _structure_kinds(node, found=None, depth=0) -> set:
    found = set() if found is None else found
    if depth > 40:
        return found
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.add(str(node.S))
        if "/K" in node:
            _structure_kinds(node.K, found, depth + 1)
    elif isinstance(node, pikepdf.Array):
        for item in node:
            _structure_kinds(item, found, depth + 1)
    return found

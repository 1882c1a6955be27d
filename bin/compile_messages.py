#!/usr/bin/env python
"""Compile every ``locale/*/LC_MESSAGES/*.po`` of the project into ``.mo`` (no GNU gettext
needed on the machine)."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "var", "node_modules"}

for po_path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/*.po")):
    if SKIP.intersection(po_path.relative_to(ROOT).parts):
        continue
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))

#!/usr/bin/env python
"""Fail when a French catalogue of the project has an untranslated or fuzzy entry."""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
problems = []
catalogues = [p for p in sorted(ROOT.glob("**/locale/fr/LC_MESSAGES/django.po")) if ".venv" not in p.parts]
for path in catalogues:
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        if not entry.translated() or "fuzzy" in entry.flags:
            problems.append(f"{path.relative_to(ROOT)}: {entry.msgid!r}")
print(f"{len(catalogues)} French catalogues checked, {len(problems)} entries missing")
for problem in problems:
    print(f"  {problem}")
sys.exit(1 if problems else 0)

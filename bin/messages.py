#!/usr/bin/env python
"""Extract the translatable strings into the French catalogues, one catalogue per owner.

Each project app keeps its strings (code and its own templates) in ``<app>/locale/``; the
site-wide templates (``templates/``: base, includes, allauth) are in ``locale/``. Running one
owner at a time keeps catalogues independent: ``bin/messages.py debates`` touches only
``debates/locale``. Without arguments, every owner is extracted.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.dev")

import django  # noqa: E402

django.setup()
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

OPTIONS = {"locale": ["fr"], "no_obsolete": True, "no_wrap": True, "add_location": "file", "verbosity": 0}
NOT_SOURCES = [".venv/*", "var/*", "tests/*", "bench/*", "bin/*", "node_modules/*"]


def extract(owner: str) -> None:
    # makemessages walks the current directory: the app's folder, or the root without the apps.
    if owner == "site":
        os.chdir(ROOT)
        call_command(
            "makemessages", ignore_patterns=[f"{app}/*" for app in settings.PROJECT_APPS] + NOT_SOURCES, **OPTIONS
        )
    else:
        (ROOT / owner / "locale").mkdir(exist_ok=True)
        os.chdir(ROOT / owner)
        call_command("makemessages", **OPTIONS)


def normalise(owner: str) -> None:
    """Save the catalogue in one canonical form (no line wrapping), the form bin/po_fill.py
    writes too: extracting twice, or filling then extracting, changes nothing."""
    import polib

    path = ROOT / ("locale" if owner == "site" else f"{owner}/locale") / "fr/LC_MESSAGES/django.po"
    polib.pofile(str(path), wrapwidth=0).save(str(path))


if __name__ == "__main__":
    for owner in sys.argv[1:] or ["site", *settings.PROJECT_APPS]:
        extract(owner)
        normalise(owner)
        print(f"messages: {owner}")

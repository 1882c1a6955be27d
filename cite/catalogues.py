"""The compiled translation catalogues (``.mo``), built from the ``.po`` files with polib so that
no GNU gettext is needed on the machine.

Text the site writes once and keeps (the clause headings of a pact version, hence its PDF and
fingerprint) must be French even when nobody compiled the catalogues first: whoever writes such
text in bulk (``load_demo``) calls :func:`ensure_compiled` before.
"""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "var", "node_modules"}


def stale_catalogues(*, root: Path = ROOT) -> list[Path]:
    """The ``.po`` files of the project whose ``.mo`` is missing or older."""
    stale = []
    for po_path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
        if SKIP.intersection(po_path.relative_to(root).parts):
            continue
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            stale.append(po_path)
    return stale


def compile_catalogues(*, root: Path = ROOT) -> list[Path]:
    """Compile every stale catalogue; returns the ``.mo`` files written."""
    written = []
    for po_path in stale_catalogues(root=root):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def ensure_compiled() -> list[Path]:
    """Compile the stale catalogues and make this process read the new ones.

    Django caches a catalogue the first time a language is used; a catalogue compiled afterwards
    is only seen once those caches are cleared, as its development autoreloader does.
    """
    written = compile_catalogues()
    if written:
        from django.utils.translation.reloader import translation_file_changed

        translation_file_changed(sender=None, file_path=written[0])
    return written

#!/usr/bin/env python
"""Fill translations into a catalogue: ``bin/po_fill.py path/to/django.po < translations.json``.

The JSON object maps each English msgid to its French msgstr; for plural entries the value is a
list of the forms. Entries not named are left as they are; filled entries lose their fuzzy flag.
"""

import json
import sys

import polib


def main(path: str) -> None:
    catalogue = polib.pofile(path, wrapwidth=0)
    translations = json.load(sys.stdin)
    by_id = {entry.msgid: entry for entry in catalogue}
    unknown = [msgid for msgid in translations if msgid not in by_id]
    for msgid, text in translations.items():
        entry = by_id.get(msgid)
        if entry is None:
            continue
        if entry.msgid_plural:
            forms = text if isinstance(text, list) else [text, text]
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    catalogue.save(path)
    missing = [e.msgid for e in catalogue if e.msgid and not e.translated()]
    print(f"{path}: {len(translations) - len(unknown)} filled, {len(missing)} still untranslated")
    for msgid in unknown:
        print(f"  not in the catalogue: {msgid!r}")
    for msgid in missing:
        print(f"  untranslated: {msgid!r}")


if __name__ == "__main__":
    main(sys.argv[1])

"""A clause-level comparison of two versions, readable without colour: each clause is marked
added, removed, changed or unchanged, and changed texts carry word-level insertions and
deletions that templates render as ``<ins>``/``<del>`` with a spoken label."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.formats import date_format

from pactes.models import PactVersion

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class Segment:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass
class ClauseChange:
    status: str  # "added", "removed", "changed", "unchanged"
    key: str
    heading: str
    old_heading: str = ""
    heading_changed: bool = False
    segments: list[Segment] = field(default_factory=list)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


def word_diff(old: str, new: str) -> list[Segment]:
    """Word-level changes. Changes separated only by spaces are merged into one deletion and
    one insertion, so that a rewritten phrase reads as a phrase, not word by word."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    segments: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush():
        removed, added = "".join(deleted), "".join(inserted)
        if removed:
            segments.append(Segment("delete", removed))
        if added:
            segments.append(Segment("insert", added))
        deleted.clear()
        inserted.clear()

    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            text = "".join(a[i1:i2])
            if not text.strip() and (deleted or inserted) and index < len(opcodes) - 1:
                deleted.append(text)
                inserted.append(text)
                continue
            flush()
            segments.append(Segment("equal", text))
        else:
            deleted.extend(a[i1:i2])
            inserted.extend(b[j1:j2])
    flush()
    return segments


def clause_changes(old: PactVersion, new: PactVersion) -> list[ClauseChange]:
    """Clauses of ``new`` in order (removed ones where they stood in ``old``), paired by key."""
    old_clauses = {c.key: c for c in old.clauses.all()}
    new_clauses = list(new.clauses.all())
    new_keys = {c.key for c in new_clauses}
    changes: list[ClauseChange] = []
    removed = [c for c in old.clauses.all() if c.key not in new_keys]
    for clause in new_clauses:
        before = old_clauses.get(clause.key)
        if before is None:
            changes.append(ClauseChange("added", clause.key, clause.heading, segments=[Segment("insert", clause.body)]))
        elif before.body == clause.body and before.heading == clause.heading:
            changes.append(
                ClauseChange("unchanged", clause.key, clause.heading, segments=[Segment("equal", clause.body)])
            )
        else:
            changes.append(
                ClauseChange(
                    "changed",
                    clause.key,
                    clause.heading,
                    old_heading=before.heading,
                    heading_changed=before.heading != clause.heading,
                    segments=word_diff(before.body, clause.body),
                )
            )
    changes += [ClauseChange("removed", c.key, c.heading, segments=[Segment("delete", c.body)]) for c in removed]
    return changes


def field_changes(old: PactVersion, new: PactVersion, *, labels: dict[str, str]) -> list[FieldChange]:
    """Changes of the title, dates and parties, which signatures cover as well as clauses."""

    def parties(version):
        return ", ".join(p["name"] for p in getattr(version, "shown_parties", version.parties))

    def day(value):
        return date_format(value, "j F Y") if value else "—"

    pairs = [
        ("title", old.title, new.title),
        ("start_date", day(old.start_date), day(new.start_date)),
        ("end_date", day(old.end_date), day(new.end_date)),
        ("parties", parties(old), parties(new)),
    ]
    return [FieldChange(labels[name], a, b) for name, a, b in pairs if a != b]

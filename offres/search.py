"""The directory's word search, the same on SQLite and PostgreSQL: insensitive to case and
accents (« NUMERIQUE » finds « numérique »).

Databases disagree on both (SQLite's LIKE folds ASCII only, PostgreSQL's is case-sensitive and
``unaccent`` is an extension), so each offer keeps ``search_text``: the words a person would
look in, folded once by ``fold`` when the offer is saved through the services; the query words
are folded the same way and looked for in it."""

import unicodedata

# Letters that do not decompose into a base letter and an accent, and the typographic apostrophe.
SPELLED_OUT = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "’": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """``text`` in lower case without accents: « Bibliothèque Œuvre » -> « bibliotheque oeuvre »."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(SPELLED_OUT)


def offer_search_text(offer) -> str:
    """What the word search looks in: title, summary, description, place, neighbourhood and the
    name of the organisation that runs it."""
    parts = [offer.title, offer.summary, offer.description, offer.place_name, offer.neighbourhood]
    if offer.organisation_id is not None:
        parts.append(offer.organisation.name)
    return fold("\n".join(part for part in parts if part))


def refresh_search_text(offers) -> list[int]:
    """Fold again the ``offers`` (a queryset) whose words changed elsewhere — an organisation
    renamed in the admin, say. Returns the ids of those that were out of date."""
    stale = []
    for offer in offers.select_related("organisation").iterator(chunk_size=500):
        text = offer_search_text(offer)
        if offer.search_text != text:
            offer.search_text = text
            stale.append(offer)
    offers.model.objects.bulk_update(stale, ["search_text"], batch_size=200)
    return [offer.pk for offer in stale]

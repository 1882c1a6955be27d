"""The public journal of fingerprints (pactes.journal): a page and a JSON feed."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from pactes.journal import GENESIS, serialise
from pactes.models import JournalEntry

PAGE_SIZE = 50
FEED_LIMIT = 500


@require_GET
def journal_view(request):
    entries = JournalEntry.objects.order_by("-sequence")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "pactes/journal.html", {"page": page, "genesis": GENESIS})


@require_GET
def journal_feed(request):
    """Entries in order, ``FEED_LIMIT`` at a time after ``?apres=<sequence>``: a reader who kept
    the feed asks for what came after their last entry and checks that it chains on."""
    try:
        after = max(0, int(request.GET.get("apres", "0")))
    except ValueError:
        return JsonResponse({"error": "apres must be an entry number."}, status=400)
    entries = list(JournalEntry.objects.filter(sequence__gt=after).order_by("sequence")[:FEED_LIMIT])
    head = JournalEntry.objects.order_by("-sequence").values("sequence", "entry_hash").first()
    body = {
        "description": "Journal of pact fingerprints. hash = SHA-256 of the canonical JSON (sorted keys, no spaces, "
        "UTF-8, NFC) of {sequence, previous, created_at, payload}; previous = hash of the entry before "
        "(64 zeros for the first).",
        "head": {"sequence": head["sequence"], "hash": head["entry_hash"]} if head else None,
        "entries": [serialise(entry) for entry in entries],
        "next": (
            request.build_absolute_uri(reverse("pactes:journal_feed") + f"?apres={entries[-1].sequence}")
            if entries and head and entries[-1].sequence < head["sequence"]
            else None
        ),
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response

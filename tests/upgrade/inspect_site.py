"""Run inside an upgraded database (``SQLITE_PATH``): print, as JSON, what the upgrade test
compares with the database as it was."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import GroupPagePermission, Page, Revision  # noqa: E402

from debates.models import Debate, Message  # noqa: E402
from facilitation.models import FacilitationProfile  # noqa: E402
from pactes import canonical  # noqa: E402
from pactes.models import Pact, PactVersion, Signature  # noqa: E402

client = Client(HTTP_HOST="localhost")
pages = {}
for page in Page.objects.order_by("path").specific():
    url = page.get_url()
    pages[page.pk] = {
        "class": f"{type(page)._meta.app_label}.{type(page).__name__}",
        "title": page.title,
        "status": client.get(url).status_code if page.live and url and page.depth > 1 else None,
    }
report = {
    "pages": pages,
    "content_types": sorted(f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()),
    "revisions_resolve": all(r.content_object is not None for r in Revision.objects.all()),
    "debates": {d.pk: [d.question, d.engagement_id, d.profile_id] for d in Debate.objects.all()},
    "messages": Message.objects.count(),
    "profiles": FacilitationProfile.objects.count(),
    "pacts": {p.pk: [p.title, p.status, p.engagement_id] for p in Pact.objects.all()},
    "fingerprints": {
        v.pk: [v.content_hash, canonical.fingerprint(canonical.version_document(v)) == v.content_hash]
        for v in PactVersion.objects.select_related("pact").prefetch_related("clauses")
    },
    "signatures": sorted([s.pk, s.content_hash] for s in Signature.objects.all()),
    "group_page_permissions": sorted(
        f"{p.group.name}:{p.permission.codename}"
        for p in GroupPagePermission.objects.select_related("group", "permission")
    ),
    "editor_permissions": sorted(
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="editor").permissions.select_related("content_type")
    ),
}
print(json.dumps(report, default=str))

"""The demo is French on the French site whatever the order of the set-up steps: with the
compiled catalogues present (and English active in the process that loads it), and on a copy of
the project where nobody compiled them yet. Checked on a signed pact's clause headings and on the
text extracted from its PDF."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.utils import translation
from pypdf import PdfReader

from pactes.demo import ACTIVE_TITLE
from pactes.models import Pact

ROOT = Path(__file__).resolve().parent.parent.parent
FRENCH_HEADINGS = ["Objectifs et actions", "Durée, suspension et résiliation", "Rôles et engagements de chaque partie"]
ENGLISH_HEADINGS = ["Objectives and actions", "Duration, suspension and termination", "Roles and commitments"]

# Run inside the copy: the signed pact's headings and the text of its PDF, as JSON.
REPORT = """
import io, json
from django.test import RequestFactory
from django.utils import translation
from pypdf import PdfReader
from pactes.demo import ACTIVE_TITLE
from pactes.models import Pact
from pactes.pdf import version_pdf
translation.activate("en")
pact = Pact.objects.get(title=ACTIVE_TITLE)
version = pact.frozen_version
signatures = list(version.signatures.all())
pdf = version_pdf(request=RequestFactory().get("/"), pact=pact, version=version, signatures=signatures)
text = "\\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
print(json.dumps({"headings": [c.heading for c in version.clauses.order_by("position")], "pdf": text}))
"""


def _assert_french(*, headings: list[str], pdf_text: str) -> None:
    assert headings[:3] == FRENCH_HEADINGS
    for french, english in zip(FRENCH_HEADINGS, ENGLISH_HEADINGS, strict=True):
        assert french in " ".join(pdf_text.split())
        assert english not in pdf_text
    assert "Empreinte SHA-256" in pdf_text and "SHA-256 fingerprint" not in pdf_text


def test_demo_with_compiled_catalogues_and_english_active_writes_french_pacts(db, client):
    with translation.override("en"):
        call_command("load_demo", force=True, stdout=io.StringIO())
    pact = Pact.objects.get(title=ACTIVE_TITLE)
    version = pact.frozen_version
    headings = [c.heading for c in version.clauses.order_by("position")]
    assert "Bénéficiaires : Les familles et les aînés du centre-ville." in version.clauses.get(key="objectives").body
    client.cookies["vdl_language"] = "en"
    response = client.get(f"/pactes/{pact.pk}/versions/{version.number}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    _assert_french(headings=headings, pdf_text=text)


def test_demo_on_a_fresh_copy_without_compiled_catalogues_writes_french_pacts(tmp_path):
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".git", ".venv", "var", "*.mo", "__pycache__", "*.egg-info", "node_modules")
    shutil.copytree(ROOT, copy, ignore=ignore)
    assert not list(copy.glob("**/locale/*/LC_MESSAGES/*.mo"))
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "cite.settings.dev",
        "SQLITE_PATH": str(tmp_path / "demo.sqlite3"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=copy, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    manage("migrate", "--noinput", "-v0")
    loaded = manage("load_demo")
    report = json.loads(manage("shell", "-c", REPORT).strip().splitlines()[-1])
    _assert_french(headings=report["headings"], pdf_text=report["pdf"])
    assert "catalogues compiled" in loaded
    assert (copy / "pactes/locale/fr/LC_MESSAGES/django.mo").exists()

"""The main pages are well-formed HTML as a strict HTML5 parser reads them (html5lib with
``strict=True`` raises on the first parse error), and meet the checker's rules the site once
broke: ``<time datetime>`` without six-digit fractions, no empty ``<time>``, a placeholder
option first in a required ``<select>``."""

import io
import re

import html5lib
import pytest
from django.core.management import call_command

from accounts.models import User
from debates.models import Debate
from pactes.models import Pact

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string": at most three digits of a second's fraction.
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True, stdout=io.StringIO())


def _main_pages() -> list[str]:
    pact = Pact.objects.filter(status=Pact.Status.ACTIVE).first()
    consultation = Pact.objects.filter(status=Pact.Status.CONSULTATION).first()
    debate = Debate.objects.filter(status=Debate.Status.OPEN, visibility=Debate.Visibility.PUBLIC).first()
    return [
        "/",
        "/programme/",
        "/programme/engagement-4/",
        "/programme/engagement-9/",
        "/actualites/",
        "/debats/",
        debate.get_absolute_url(),
        "/pactes/",
        pact.get_absolute_url(),
        consultation.get_absolute_url(),
        f"/pactes/{pact.pk}/versions/1/",
        f"/pactes/{consultation.pk}/diff/",
        "/pactes/biens-communs/",
        "/pactes/verifier/",
        "/tableau-de-bord/",
        "/moderation/registre/",
        "/donnees/",
        "/recherche/?q=jardin",
        "/accounts/login/",
        "/accounts/signup/",
    ]


def _check(page: str, url: str) -> None:
    lenient = html5lib.HTMLParser(namespaceHTMLElements=False)
    lenient.parse(page)
    lines = page.splitlines()
    found = [
        f"line {line}:{col} {code} {data} — {lines[line - 1][:160]!r}" for (line, col), code, data in lenient.errors
    ]
    assert not found, f"{url}: " + "\n".join(found)
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    for time in tree.iter("time"):
        assert "".join(time.itertext()).strip(), f"{url}: an empty <time>"
        value = time.get("datetime")
        if value is not None:
            assert DATETIME.match(value), f"{url}: <time datetime={value!r}>"
    for select in tree.iter("select"):
        if "required" in select.attrib and "multiple" not in select.attrib:
            first = next(select.iter("option"), None)
            assert first is not None and first.get("value", "x") == "", f"{url}: required select {select.get('name')}"


def test_main_pages_parse_strictly_as_html5(demo, client):
    for url in _main_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        _check(response.content.decode(), url)


def test_pages_of_a_signed_in_resident_parse_strictly_as_html5(demo, client):
    client.force_login(User.objects.get(email="habitant@example.org"))
    pact = Pact.objects.filter(status=Pact.Status.CONSULTATION).first()
    debate = Debate.objects.filter(status=Debate.Status.OPEN, visibility=Debate.Visibility.PUBLIC).first()
    for url in [debate.get_absolute_url(), pact.get_absolute_url(), "/pactes/proposer/", "/compte/"]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        _check(response.content.decode(), url)

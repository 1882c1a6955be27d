"""The demo content: the ten engagements, news, legal and charter pages; idempotent."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from programme import demo
from programme.blocks import ActionStatus
from programme.models import EngagementPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db

COMMITMENTS = [
    "Concevoir l’espace public comme une infrastructure relationnelle",
    "Développer des lieux de proximité qui font lien",
    "Mettre l’enfance et la jeunesse au cœur du lien social",
    "Renforcer les liens intergénérationnels comme politique du quotidien",
    "Prévenir l’isolement des seniors et soutenir le maintien des liens tout au long de la vie",
    "Déployer une politique locale de prescription sociale",
    "Faire du numérique un pont vers le lien humain",
    "Soutenir la vie associative comme infrastructure du lien",
    "Faire du dialogue et de l’écoute une compétence collective locale",
    "Évaluer et rendre visible la politique du lien",
]


def test_demo_creates_the_ten_engagements_with_their_actions():
    demo.load(stdout=io.StringIO())

    # The French programme; the demo also translates it into English (tests/i18n/).
    engagements = list(EngagementPage.objects.live().filter(locale__language_code="fr").order_by("number"))
    assert [page.title for page in engagements] == COMMITMENTS
    for page in engagements:
        assert page.summary and page.principle and len(page.example) == 1
        assert 2 <= len(page.actions) <= 4, page.number
        assert {block.value["status"] for block in page.actions} <= set(ActionStatus.values)
        assert page.url == f"/programme/engagement-{page.number}/"
    assert NewsPage.objects.live().filter(locale__language_code="fr").count() >= 3
    french = StandardPage.objects.live().filter(locale__language_code="fr")
    assert {page.url for page in french} == {"/mentions-legales/", "/accessibilite/", "/charte/"}


def test_demo_charter_sums_up_the_facilitation_rules():
    demo.load(stdout=io.StringIO())

    charter = StandardPage.objects.get(slug="charte", locale__language_code="fr")
    text = " ".join(str(block.value) for block in charter.body)
    for rule in ["Écouter", "« je »", "insulte", "attaque", "animateurs décident", "faire appel"]:
        assert rule in text, rule


def test_demo_load_twice_changes_nothing(client):
    call_command("load_demo", force=True, stdout=io.StringIO())
    before = list(Page.objects.values_list("id", "path", "title", "latest_revision_id").order_by("path"))

    call_command("load_demo", force=True, stdout=io.StringIO())

    assert list(Page.objects.values_list("id", "path", "title", "latest_revision_id").order_by("path")) == before
    assert client.get("/programme/").status_code == 200


def test_demo_restores_the_editorial_workflow_of_the_home_page(home):
    WorkflowPage.objects.filter(page=home).delete()
    GroupPagePermission.objects.filter(group__name="editor").delete()

    demo.load(stdout=io.StringIO())

    assert home.get_workflow().name == "Publication du programme"
    assert set(
        GroupPagePermission.objects.filter(group__name="editor", page=home).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "lock_page"}

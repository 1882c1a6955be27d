"""The public register: filters, search, pagination, the commons page, and its fixed cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pactes.models import Commons, Pact
from tests.pactes import register_helpers
from tests.pactes.register_helpers import bulk_pacts

register_pact = register_helpers.register_pact  # the fixture, for the tests of this module


def _titles(response) -> list[str]:
    return [pact.title for pact in response.context["page"].object_list]


def test_register_lists_public_pacts_and_hides_drafts(client, register_pact):
    register_pact(title="Jardin public")
    register_pact(title="Brouillon caché", status=Pact.Status.DRAFT, submitted=False)
    response = client.get("/pactes/")
    assert response.status_code == 200
    assert _titles(response) == ["Jardin public"]
    assert "Brouillon caché" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("statut=consultation", {"En consultation"}),
        ("bien=school_yard", {"Cour ouverte"}),
        ("quartier=Gare", {"Cour ouverte"}),
        ("partie=person", {"Rue fleurie"}),
        ("partie=informal_group", {"Cour ouverte"}),
        ("partie=association", {"Jardin actif", "En consultation"}),
        ("q=fleurie", {"Rue fleurie"}),
        ("q=idée+cour", {"Cour ouverte"}),
        ("statut=active&partie=association", {"Jardin actif"}),
    ],
)
def test_register_filters_select_the_matching_pacts(query, expected, client, register_pact):
    register_pact(title="Jardin actif")
    register_pact(title="En consultation", status=Pact.Status.CONSULTATION)
    register_pact(title="Cour ouverte", kind=Commons.Kind.SCHOOL_YARD, neighbourhood="Gare", party="informal_group")
    register_pact(title="Rue fleurie", kind=Commons.Kind.STREET, party="person")
    response = client.get(f"/pactes/?{query}")
    assert response.status_code == 200
    assert set(_titles(response)) == expected


def test_register_filters_by_engagement(client, register_pact):
    from wagtail.models import Page

    from programme.models import EngagementPage

    engagement = Page.get_first_root_node().add_child(
        instance=EngagementPage(title="Liens entre générations", slug="engagement-test-4", number=4)
    )
    register_pact(title="Lié", engagement=engagement)
    register_pact(title="Pas lié")
    response = client.get(f"/pactes/?engagement={engagement.pk}")
    assert _titles(response) == ["Lié"]
    assert "4. Liens entre générations" in response.content.decode()


@pytest.mark.parametrize("query", ["statut=draft", "statut=nimporte", "bien=volcan", "engagement=abc", "partie=city"])
def test_register_refuses_a_forged_filter_and_still_lists(query, client, register_pact):
    register_pact(title="Jardin actif")
    response = client.get(f"/pactes/?{query}")
    assert response.status_code == 400
    assert "Some filters were not understood" in response.content.decode() or "ne sont pas compris" in (
        response.content.decode()
    )
    assert _titles(response) == ["Jardin actif"]


def test_register_paginates_and_keeps_the_filters(client, register_pact):
    for i in range(25):
        register_pact(title=f"Jardin {i:02d}")
    register_pact(title="Autre", kind=Commons.Kind.STREET)
    first = client.get("/pactes/?bien=garden")
    assert len(_titles(first)) == 20
    assert "bien=garden&amp;page=2" in first.content.decode()
    second = client.get("/pactes/?bien=garden&page=2")
    assert len(_titles(second)) == 5
    assert set(_titles(first)) | set(_titles(second)) == {f"Jardin {i:02d}" for i in range(25)}


def test_register_map_is_fed_by_the_filtered_geojson_and_works_without_tiles(client, register_pact, settings):
    register_pact(title="Jardin actif")
    settings.PACT_MAP_TILES_URL = ""
    page = client.get("/pactes/?bien=garden").content.decode()
    assert 'data-geojson-url="/pactes/export.geojson?bien=garden"' in page
    assert 'data-tiles-url=""' in page
    assert "register-map__canvas--plain" in page
    # Without JavaScript the map section stays hidden; the list is there.
    assert 'id="pact-map-section" hidden' in page
    settings.PACT_MAP_TILES_URL = "https://tuiles.example/{z}/{x}/{y}.png"
    page = client.get("/pactes/").content.decode()
    assert 'data-tiles-url="https://tuiles.example/{z}/{x}/{y}.png"' in page


def test_register_query_count_is_the_same_for_few_and_many_pacts(client, register_pact, make_user, make_organisation):
    for i in range(10):
        register_pact(title=f"Pacte {i}", party="person" if i % 2 else "association")
    client.get("/pactes/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/pactes/?partie=association&q=Pacte").status_code == 200
    bulk_pacts(5_000, commons=500)
    assert Pact.objects.count() > 5_000
    with CaptureQueriesContext(connection) as many:
        response = client.get("/pactes/?partie=association&q=Pacte")
    assert response.status_code == 200
    assert response.context["page"].paginator.count > 2_000
    assert len(many) == len(few)
    assert len(many) <= 15


def test_commons_page_lists_each_commons_with_its_public_pacts(client, register_pact):
    shown = register_pact(title="Jardin visible")
    hidden = register_pact(title="Brouillon du jardin", status=Pact.Status.DRAFT, submitted=False)
    hidden.commons = shown.commons
    hidden.save()
    lonely = Commons.objects.create(name="Square sans pacte", is_validated=True)
    response = client.get("/pactes/biens-communs/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Jardin visible" in page and lonely.name in page
    assert f'href="/pactes/{shown.pk}/"' in page
    assert f'href="/pactes/{hidden.pk}/"' not in page
    assert (
        Commons.objects.create(name="Suggestion non vérifiée").name
        not in client.get("/pactes/biens-communs/").content.decode()
    )


def test_commons_page_cost_does_not_grow(client, register_pact):
    register_pact(title="Un")
    client.get("/pactes/biens-communs/")
    with CaptureQueriesContext(connection) as few:
        client.get("/pactes/biens-communs/")
    bulk_pacts(300, commons=60)
    with CaptureQueriesContext(connection) as many:
        client.get("/pactes/biens-communs/")
    assert len(many) == len(few) <= 15

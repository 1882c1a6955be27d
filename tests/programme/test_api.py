"""Open data: Wagtail's read-only API v2 over the programme pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_lists_the_engagements_with_their_actions(build_programme, client):
    build_programme(engagements=10, actions=2)

    response = client.get(
        "/api/v2/pages/", {"type": "programme.EngagementPage", "fields": "number,summary,actions", "order": "number"}
    )

    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 10
    assert [item["number"] for item in data["items"]] == list(range(1, 11))
    first = data["items"][0]
    assert first["actions"][0]["type"] == "action"
    assert first["actions"][0]["value"]["title"] == "Action 1.1"
    assert first["actions"][0]["value"]["status"] == "planned"


def test_api_leaves_out_unpublished_pages(build_programme, client):
    _, engagements, _ = build_programme(engagements=2)
    engagements[0].unpublish()

    data = client.get("/api/v2/pages/", {"type": "programme.EngagementPage", "fields": "number"}).json()

    assert [item["number"] for item in data["items"]] == [2]
    assert client.get(f"/api/v2/pages/{engagements[0].pk}/").status_code == 404


def test_api_is_read_only(build_programme, client):
    build_programme(engagements=1)

    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_api_rejects_an_unknown_field_with_a_clear_error(build_programme, client):
    build_programme(engagements=1)

    response = client.get("/api/v2/pages/", {"type": "programme.EngagementPage", "fields": "password"})

    assert response.status_code == 400
    assert "password" in response.json()["message"]


@pytest.mark.parametrize("search", ['" OR 1=1', "lien:* &", "((("])
def test_api_search_treats_operators_as_plain_text(build_programme, client, search):
    build_programme(engagements=2)

    response = client.get("/api/v2/pages/", {"search": search})

    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


def test_api_search_finds_an_engagement_by_a_word_of_its_principle(build_programme, client):
    build_programme(engagements=2)

    data = client.get("/api/v2/pages/", {"search": "voisins", "type": "programme.EngagementPage"}).json()

    assert data["meta"]["total_count"] == 2

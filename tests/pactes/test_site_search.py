"""Site search covers pacts, commons and debates alongside the pages, shows their type, and
only what is public."""

import pytest

from debates.models import Debate
from pactes.models import Commons, Pact


@pytest.fixture
def findable(make_pact):
    public = make_pact(status=Pact.Status.CONSULTATION, title="Jardin partagé du canal")
    draft = make_pact(status=Pact.Status.DRAFT, title="Jardin secret du brouillon")
    Commons.objects.filter(pk=draft.commons_id).update(is_validated=False, name="Jardin caché")
    Commons.objects.create(name="Jardin des Roses", is_validated=True, kind=Commons.Kind.GARDEN)
    Commons.objects.create(name="Jardin non vérifié", is_validated=False)
    Debate.objects.create(title="Que planter au jardin ?", slug="jardin", question="Quelles plantes ?")
    Debate.objects.create(
        title="Jardin en lien privé", slug="jardin-prive", question="?", visibility=Debate.Visibility.UNLISTED
    )
    # Saved through update(): the index follows the objects' own saves; reindex those.
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for model in (Commons, Pact):
        for obj in model.objects.all():
            backend.add(obj)
    return public


def test_search_finds_public_pacts_commons_and_debates_with_their_type(client, findable):
    response = client.get("/recherche/", {"q": "jardin"})
    assert response.status_code == 200
    hits = {hit.title: hit.kind for hit in response.context["results"].object_list}
    assert hits["Jardin partagé du canal"].startswith("Pacte de collaboration")
    assert hits["Jardin des Roses"].startswith("Bien commun")
    assert hits["Que planter au jardin ?"].startswith("Débat")
    assert "Pacte de collaboration" in response.text and "Débat" in response.text


def test_search_leaves_out_drafts_unchecked_commons_and_unlisted_debates(client, findable):
    response = client.get("/recherche/", {"q": "jardin"})
    titles = {hit.title for hit in response.context["results"].object_list}
    assert not titles & {"Jardin secret du brouillon", "Jardin caché", "Jardin non vérifié", "Jardin en lien privé"}
    assert "Jardin secret du brouillon" not in response.text


def test_search_results_link_to_each_object(client, findable):
    response = client.get("/recherche/", {"q": "canal"})
    hit = next(h for h in response.context["results"].object_list if h.title == "Jardin partagé du canal")
    assert hit.url == findable.get_absolute_url()

"""A closed debate's synthesis is shown on the engagement page it is linked to."""

import pytest

from debates.models import Debate

pytestmark = pytest.mark.django_db


def test_engagement_page_shows_the_synthesis_of_a_closed_linked_debate(build_programme, client):
    _, engagements, _ = build_programme(engagements=2, actions=1, news=0)
    Debate.objects.create(
        title="Partager la place du marché",
        slug="place-du-marche",
        question="Comment partager la place ?",
        status=Debate.Status.CLOSED,
        engagement=engagements[0],
        synthesis="Les habitants veulent des bancs <b>et</b> de l’ombre.",
    )
    page = client.get(engagements[0].url).content.decode()
    assert "Synthèse du débat" in page
    assert "Les habitants veulent des bancs &lt;b&gt;et&lt;/b&gt; de l’ombre." in page
    other = client.get(engagements[1].url).content.decode()
    assert "Synthèse du débat" not in other

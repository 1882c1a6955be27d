"""Pages a resident sees cost a fixed number of queries, at most 15, whatever the data."""

import pytest

from pactes.models import Pact
from pactes.services.signing import pact_sign
from pactes.services.versions import version_create


def _grow(pact, actor, n):
    for i in range(n):
        latest = pact.versions.latest("number")
        clauses = [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.all()]
        clauses[0]["body"] += f" Ajout {i}."
        version_create(
            actor=actor,
            pact=pact,
            based_on=latest.number,
            clauses=clauses,
            title=latest.title,
            start_date=latest.start_date,
            end_date=latest.end_date,
        )


@pytest.mark.parametrize("status", [Pact.Status.SIGNING, Pact.Status.CO_DESIGN])
def test_pact_page_versions_and_diff_stay_within_15_queries(
    status, client_for, people, make_pact, django_assert_max_num_queries
):
    pact = make_pact(status=Pact.Status.CO_DESIGN)
    _grow(pact, people.city_agent, 6)
    if status == Pact.Status.SIGNING:
        from pactes.services.workflow import pact_transition

        pact_transition(pact=pact, name="freeze", actor=people.city_agent)
        pact.refresh_from_db()
        pact_sign(pact=pact, signer=people.proponent, version_number=pact.frozen_version.number)
        pact_sign(pact=pact, signer=people.other_party, version_number=pact.frozen_version.number)
    paths = [
        pact.get_absolute_url(),
        f"/pactes/{pact.pk}/versions/3/",
        f"/pactes/{pact.pk}/diff/?from=1&to=7",
        "/pactes/",
        "/pactes/biens-communs/",
        "/pactes/verifier/?empreinte=" + pact.versions.get(number=7).content_hash,
    ]
    for user in (None, people.resident, people.city_agent, people.proponent):
        client = client_for(user)
        client.get(paths[0])
        for path in paths:
            with django_assert_max_num_queries(15):
                assert client.get(path).status_code == 200, path


def test_list_page_cost_does_not_grow_with_the_number_of_pacts(client, make_pact, django_assert_num_queries):
    make_pact(status=Pact.Status.ACTIVE)
    client.get("/pactes/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/pactes/")
    for i in range(25):
        make_pact(status=Pact.Status.ACTIVE, title=f"Pacte {i}")
    with CaptureQueriesContext(connection) as many:
        client.get("/pactes/")
    assert len(many) == len(few)

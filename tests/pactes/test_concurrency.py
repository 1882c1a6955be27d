"""Races on PostgreSQL, with real threads and connections: row locks keep one winner for two
transitions and lose no signature when parties sign at the same moment."""

import threading

import pytest
from django.db import connection

from core.errors import InvalidState
from pactes.models import Pact, PactEvent
from pactes.services.signing import pact_sign
from pactes.services.workflow import pact_transition

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks); run with DATABASE_URL=postgres://...")


def _race(*calls):
    """Run the calls in threads released together; returns each result or exception."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as exc:  # the loser's error is part of the result
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.mark.parametrize("attempt", range(3))
def test_two_racing_transitions_leave_one_winner_and_a_consistent_timeline(attempt, people, make_pact, make_user):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    results = _race(
        lambda: pact_transition(pact=pact, name="reject", actor=people.city_agent, reason="Hors périmètre"),
        lambda: pact_transition(pact=pact, name="open_consultation", actor=people.superuser),
    )
    winners = [r for r in results if isinstance(r, Pact)]
    losers = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1 and len(losers) == 1
    assert isinstance(losers[0], InvalidState)
    pact.refresh_from_db()
    assert pact.status == winners[0].status
    events = list(pact.events.filter(kind=PactEvent.Kind.TRANSITION))
    assert len(events) == 1
    assert (events[0].from_status, events[0].to_status) == (Pact.Status.SUBMITTED, pact.status)


@pytest.mark.parametrize("attempt", range(3))
def test_two_parties_signing_at_the_same_moment_both_end_signed_and_the_pact_active(attempt, people, make_pact):
    pact = make_pact(status=Pact.Status.SIGNING)
    number = pact.frozen_version.number
    # The city signs first; then the two other parties sign at the same moment: the last of
    # them must see the other's signature and activate the pact.
    pact_sign(pact=pact, signer=people.city_agent, version_number=number)
    results = _race(
        lambda: pact_sign(pact=pact, signer=people.proponent, version_number=number),
        lambda: pact_sign(pact=pact, signer=people.other_party, version_number=number),
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    pact.refresh_from_db()
    assert pact.status == Pact.Status.ACTIVE
    live = pact.frozen_version.signatures.filter(voided_at__isnull=True)
    assert {s.party.role for s in live} == {"proponent", "co_signatory", "city"}
    assert pact.events.filter(transition="activate").count() == 1
    assert pact.events.filter(kind=PactEvent.Kind.SIGNATURE).count() == 3


def test_two_editors_saving_from_the_same_version_keep_both_texts_or_refuse_one(people, make_pact):
    from pactes.services.versions import version_create

    pact = make_pact(status=Pact.Status.CO_DESIGN)
    latest = pact.versions.get()
    base = [{"key": c.key, "heading": c.heading, "body": c.body} for c in latest.clauses.all()]

    def edit(actor, text):
        clauses = [dict(c) for c in base]
        clauses[0]["body"] = text
        return version_create(
            actor=actor,
            pact=pact,
            based_on=1,
            clauses=clauses,
            title=latest.title,
            start_date=latest.start_date,
            end_date=latest.end_date,
        )

    results = _race(lambda: edit(people.proponent, "Texte A"), lambda: edit(people.city_agent, "Texte B"))
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], InvalidState) and errors[0].code == "VERSION_CONFLICT"
    assert list(pact.versions.values_list("number", flat=True).order_by("number")) == [1, 2]

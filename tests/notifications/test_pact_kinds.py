"""Who hears of what happens to a pact, and who must not (a private draft leaks to nobody)."""

import pytest
from django.contrib.contenttypes.models import ContentType

from accounts.models import Membership
from accounts.roles import Role
from notifications import services as notification_services
from notifications.models import Follow, Notification
from pactes import services
from pactes.models import Comment, JoinRequest, Pact
from pactes.workflow import pact_transition

S = Pact.Status


def _follow(user, obj):
    Follow.objects.create(user=user, target_type=ContentType.objects.get_for_model(obj), target_id=obj.pk)


@pytest.fixture
def department_agent(make_user, people):
    """A city agent of the department that manages the pact's commons."""
    agent = make_user(roles=[Role.CITY_AGENT], display_name="Agente des espaces verts")
    Membership.objects.create(user=agent, organisation=people.city)
    return agent


def test_submit_tells_the_agents_of_the_department_and_no_one_else(
    people, make_pact, department_agent, make_user, make_organisation, told, mailed
):
    from accounts.models import Organisation

    other_department_agent = make_user(roles=[Role.CITY_AGENT], display_name="Agent des sports")
    make_organisation(name="Sports", kind=Organisation.Kind.CITY_DEPARTMENT, members=[other_department_agent])
    pact = make_pact(status=S.DRAFT)
    pact.commons.managing_department = people.city
    pact.commons.save()
    with mailed() as sent:
        pact_transition(pact=pact, name="submit", actor=people.proponent)
    # The agents of the department that manages the commons; an agent of another one is not told.
    assert told("pact_proposed") == {department_agent.pk, people.city_agent.pk}
    assert other_department_agent.pk not in told("pact_proposed")
    assert len(sent.to(department_agent)) == 1
    assert pact.title in sent.to(department_agent)[0].subject
    assert sent.to(people.resident) == [] and sent.to(people.proponent) == []


def test_submit_without_a_department_agent_tells_every_city_agent(people, make_pact, told):
    pact = make_pact(status=S.DRAFT)
    pact_transition(pact=pact, name="submit", actor=people.proponent)
    assert told("pact_proposed") == {people.city_agent.pk}


def test_a_draft_reaches_no_follower_until_it_is_submitted(people, make_pact, make_user, told):
    follower = make_user(display_name="Suiveuse du jardin")
    pact = make_pact(status=S.DRAFT)
    _follow(follower, pact.commons)
    # Even a caller that names a non-party is stopped by the pact's visibility.
    notification_services.notify(recipients=[follower], kind="pact_co_design", object=pact, actor=None)
    assert Notification.objects.filter(recipient=follower).count() == 0
    pact_transition(pact=pact, name="submit", actor=people.proponent)
    assert told("pact_new_followed") == {follower.pk}


def test_moving_a_pact_tells_parties_and_followers_but_not_the_actor_or_others(people, make_pact, make_user, told):
    follower = make_user(display_name="Suiveur")
    pact = make_pact(status=S.SUBMITTED)
    _follow(follower, pact)
    pact_transition(pact=pact, name="open_consultation", actor=people.city_agent)
    recipients = told("pact_consultation")
    assert {people.proponent.pk, people.other_party.pk, follower.pk} <= recipients
    assert people.city_agent.pk not in recipients  # the actor
    assert people.resident.pk not in recipients


@pytest.mark.parametrize(
    ("status", "name", "kind"),
    [
        (S.SUBMITTED, "start_co_design", "pact_co_design"),
        (S.ACTIVE, "suspend", "pact_suspended"),
        (S.SUSPENDED, "resume", "pact_active"),
        (S.ACTIVE, "terminate", "pact_ended"),
        (S.SUBMITTED, "reject", "pact_rejected"),
        (S.SUBMITTED, "request_information", "pact_information_requested"),
    ],
)
def test_each_transition_gives_its_kind_with_the_reason(people, make_pact, told, status, name, kind):
    pact = make_pact(status=status)
    pact_transition(pact=pact, name=name, actor=people.city_agent, reason="Parce que.")
    assert people.proponent.pk in told(kind)
    notification = Notification.objects.get(kind=kind, recipient=people.proponent)
    assert notification.data.get("reason") == "Parce que."


def test_freeze_asks_each_signatory_to_sign(people, make_pact, department_agent, told):
    pact = make_pact(status=S.CO_DESIGN)
    pact = pact_transition(pact=pact, name="freeze", actor=people.city_agent)
    # The department's agent signs for the city; the resident and the actor are not asked.
    assert told("version_to_sign") == {people.proponent.pk, people.other_party.pk, department_agent.pk}
    assert people.proponent.pk in told("pact_signing")
    notification = Notification.objects.get(kind="version_to_sign", recipient=people.proponent)
    from notifications.render import sentence

    assert str(pact.frozen_version.number) in sentence(notification)


def test_the_last_signature_makes_the_pact_active_for_everyone(people, make_pact, told):
    from pactes.signing import pact_sign

    pact = make_pact(status=S.SIGNING)
    number = pact.frozen_version.number
    pact_sign(pact=pact, signer=people.proponent, version_number=number)
    pact_sign(pact=pact, signer=people.other_party, version_number=number)
    assert told("pact_active") == set()
    pact_sign(pact=pact, signer=people.city_agent, version_number=number)
    assert {people.proponent.pk, people.other_party.pk} <= told("pact_active")


def test_a_comment_tells_the_parties_and_its_answer_tells_the_commenter(people, make_pact, told, mailed):
    pact = make_pact(status=S.CONSULTATION)
    version = pact.versions.order_by("-number").first()
    clause = version.clauses.first()
    with mailed() as sent:
        comment = services.comment_post(
            actor=people.resident, pact=pact, version_number=version.number, clause_id=clause.pk, body="Et l’eau ?"
        )
    assert {people.proponent.pk, people.other_party.pk} <= told("clause_comment")
    assert people.resident.pk not in told("clause_comment")
    # Comments come in the daily digest by default: no e-mail at once.
    assert sent.to(people.proponent) == []
    services.comment_answer(actor=people.proponent, comment=comment, answer="Un récupérateur d’eau.")
    assert told("clause_answer") == {people.resident.pk}
    notification = Notification.objects.get(kind="clause_answer")
    assert notification.target == Comment.objects.get(pk=comment.pk)


def test_a_join_request_tells_proponents_and_agents_and_the_decision_tells_the_requester(
    people, make_pact, make_user, told
):
    requester = make_user(display_name="Nouvelle venue")
    pact = make_pact(status=S.CONSULTATION)
    join_request = services.join_request_create(actor=requester, pact=pact, message="Je peux aider.")
    assert people.proponent.pk in told("join_requested")
    assert people.city_agent.pk in told("join_requested")
    assert people.other_party.pk not in told("join_requested")  # a partner does not decide
    assert requester.pk not in told("join_requested")
    assert people.resident.pk not in told("join_requested")
    services.join_request_decide(actor=people.proponent, join_request=join_request, accept=False, reason="Complet.")
    assert told("join_decided") == {requester.pk}
    from notifications.render import sentence

    notification = Notification.objects.get(kind="join_decided")
    assert "refusée" in sentence(notification) or "declined" in sentence(notification)
    assert JoinRequest.objects.get(pk=join_request.pk).status == JoinRequest.Status.DECLINED


def test_a_refused_transition_notifies_nobody(people, make_pact):
    from cite.errors import ApplicationError

    pact = make_pact(status=S.SUBMITTED)
    with pytest.raises(ApplicationError):
        pact_transition(pact=pact, name="suspend", actor=people.city_agent, reason="x")
    with pytest.raises(ApplicationError):
        pact_transition(pact=pact, name="open_consultation", actor=people.resident)
    assert Notification.objects.count() == 0

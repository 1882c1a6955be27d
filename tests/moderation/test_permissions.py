"""The permission matrix of every moderation action: anonymous, resident, the author,
facilitator of this debate, facilitator of another debate, city agent. A refusal changes
nothing and records nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import Role
from core.errors import AuthRequired, PermissionDenied
from debates.models import Message, Participation
from moderation import services
from moderation.models import Appeal, ModerationAction

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "author", "facilitator", "other_facilitator", "city_agent"]


@pytest.fixture
def people(make_user, make_debate, debate, facilitator, resident, other_resident, city_agent):
    other_facilitator = make_user(roles=[Role.FACILITATOR], display_name="Animation d’ailleurs")
    make_debate(facilitators=[other_facilitator])
    return {
        "anonymous": AnonymousUser(),
        "resident": other_resident,
        "author": resident,
        "facilitator": facilitator,
        "other_facilitator": other_facilitator,
        "city_agent": city_agent,
    }


def _attempt(call, allowed: bool):
    before = ModerationAction.objects.count()
    if allowed:
        call()
        assert ModerationAction.objects.count() == before + 1
    else:
        with pytest.raises((PermissionDenied, AuthRequired)):
            call()
        assert ModerationAction.objects.count() == before


@pytest.mark.parametrize("role", ROLES)
def test_message_approve_only_by_the_debates_facilitator(role, people, debate, resident, hold):
    message = hold(resident, debate)
    _attempt(lambda: services.message_approve(actor=people[role], message_id=message.pk), role == "facilitator")
    message.refresh_from_db()
    assert message.state == (Message.State.PUBLISHED if role == "facilitator" else Message.State.HELD)


@pytest.mark.parametrize("role", ROLES)
def test_message_reject_only_by_the_debates_facilitator(role, people, debate, resident, hold):
    message = hold(resident, debate)
    _attempt(
        lambda: services.message_reject(actor=people[role], message_id=message.pk, reason_code="insult"),
        role == "facilitator",
    )
    message.refresh_from_db()
    assert message.state == (Message.State.REJECTED if role == "facilitator" else Message.State.HELD)


@pytest.mark.parametrize("role", ROLES)
def test_message_hide_only_by_the_debates_facilitator(role, people, debate, resident, post):
    message = post(resident, debate)
    _attempt(
        lambda: services.message_hide(actor=people[role], message_id=message.pk, reason_code="off_topic"),
        role == "facilitator",
    )
    message.refresh_from_db()
    assert message.state == (Message.State.HIDDEN if role == "facilitator" else Message.State.PUBLISHED)


@pytest.mark.parametrize("role", ROLES)
def test_participant_mute_only_by_the_debates_facilitator(role, people, debate, resident, post):
    post(resident, debate)
    _attempt(
        lambda: services.participant_mute(
            actor=people[role], debate_id=debate.pk, user_id=resident.pk, minutes=10, reason_code="charter"
        ),
        role == "facilitator",
    )
    muted = Participation.objects.get(debate=debate, user=resident).muted_until
    assert (muted is not None) is (role == "facilitator")


@pytest.mark.parametrize("role", ROLES)
def test_participant_exclude_only_by_the_debates_facilitator(role, people, debate, resident, post):
    post(resident, debate)
    _attempt(
        lambda: services.participant_exclude(
            actor=people[role], debate_id=debate.pk, user_id=resident.pk, reason_code="harassment"
        ),
        role == "facilitator",
    )
    muted = Participation.objects.get(debate=debate, user=resident).muted_until
    assert services.is_exclusion(muted) is (role == "facilitator")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("step", ["remind", "review"])
def test_participant_ladder_steps_only_by_the_debates_facilitator(role, step, people, debate, resident, post):
    post(resident, debate)
    if step == "remind":
        call = lambda: services.participant_remind(  # noqa: E731
            actor=people[role], debate_id=debate.pk, user_id=resident.pk, reason_code="charter"
        )
    else:
        call = lambda: services.participant_review(  # noqa: E731
            actor=people[role], debate_id=debate.pk, user_id=resident.pk, minutes=30, reason_code="charter"
        )
    _attempt(call, role == "facilitator")


@pytest.mark.parametrize("role", ROLES)
def test_room_pause_only_by_the_debates_facilitator(role, people, debate):
    _attempt(
        lambda: services.room_pause(actor=people[role], debate_id=debate.pk, reason_code="charter"),
        role == "facilitator",
    )
    debate.refresh_from_db()
    assert (debate.mode == "paused") is (role == "facilitator")


@pytest.mark.parametrize("role", ROLES)
def test_appeal_create_only_by_the_participant_concerned(role, people, debate, resident, facilitator, post):
    message = post(resident, debate)
    action = services.message_hide(actor=facilitator, message_id=message.pk, reason_code="off_topic")
    if role == "author":
        services.appeal_create(actor=people[role], action_id=action.pk, text="Mon message parlait bien du marché.")
        assert Appeal.objects.filter(action=action).count() == 1
    else:
        with pytest.raises((PermissionDenied, AuthRequired)):
            services.appeal_create(actor=people[role], action_id=action.pk, text="Je conteste.")
        assert not Appeal.objects.exists()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("resident", False),
        ("author", False),
        ("facilitator", False),  # the one who acted
        ("other_facilitator", False),  # facilitates another debate only
        ("co_facilitator", True),
        ("city_agent", True),
    ],
)
def test_appeal_decide_matrix(role, allowed, people, make_user, debate, resident, facilitator, post):
    co_facilitator = make_user(roles=[Role.FACILITATOR], display_name="Co-animation")
    debate.facilitators.add(co_facilitator)
    people = {**people, "co_facilitator": co_facilitator}
    message = post(resident, debate)
    action = services.message_hide(actor=facilitator, message_id=message.pk, reason_code="off_topic")
    appeal = services.appeal_create(actor=resident, action_id=action.pk, text="C’était sur le sujet.")
    decide = lambda: services.appeal_decide(  # noqa: E731
        actor=people[role], appeal_id=appeal.pk, uphold=False, reason="Le message sortait du sujet."
    )
    _attempt(decide, allowed)
    appeal.refresh_from_db()
    assert appeal.status == (Appeal.Status.DISMISSED if allowed else Appeal.Status.PENDING)


def test_appeal_decide_refused_to_the_facilitator_who_acted_even_as_administrator(make_user, debate, resident, post):
    admin = make_user(superuser=True)
    debate.facilitators.add(admin)
    message = post(resident, debate)
    action = services.message_hide(actor=admin, message_id=message.pk, reason_code="insult")
    appeal = services.appeal_create(actor=resident, action_id=action.pk, text="Ce n’était pas une insulte.")
    with pytest.raises(PermissionDenied):
        services.appeal_decide(actor=admin, appeal_id=appeal.pk, uphold=True, reason="Je me suis trompé.")
    appeal.refresh_from_db()
    message.refresh_from_db()
    assert appeal.status == Appeal.Status.PENDING
    assert message.state == Message.State.HIDDEN

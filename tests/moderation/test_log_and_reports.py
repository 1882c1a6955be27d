"""The append-only log, the three-report automatic hide, appeals and their effects."""

import pytest
from django.core import mail
from django.db import connection, transaction
from django.db.utils import DatabaseError

from core.errors import InvalidInput, InvalidState, NotFound
from debates.models import Message, RoomEvent
from moderation import services
from moderation.models import Appeal, AppendOnlyError, ModerationAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(debate, resident, facilitator, post):
    message = post(resident, debate)
    return services.message_hide(
        actor=facilitator, message_id=message.pk, reason_code="off_topic", reason="Hors sujet."
    )


def test_log_records_who_what_rule_reason_debate_message_target(action, debate, resident, facilitator):
    assert (action.actor, action.automatic, action.kind) == (facilitator, False, "hide")
    assert (action.debate, action.target, action.reason_code) == (debate, resident, "off_topic")
    assert action.message.author == resident
    assert action.reason.endswith("Hors sujet.")
    assert "question du débat" in action.reason  # the template's sentence, in French


def test_log_refuses_a_second_save(action):
    action.reason = "réécrit"
    with pytest.raises(AppendOnlyError):
        action.save()


def test_log_refuses_delete_of_an_instance_and_of_a_queryset(action):
    with pytest.raises(AppendOnlyError):
        action.delete()
    with pytest.raises(AppendOnlyError):
        ModerationAction.objects.filter(pk=action.pk).delete()
    with pytest.raises(AppendOnlyError):
        ModerationAction.objects.filter(pk=action.pk).update(reason="réécrit")
    assert ModerationAction.objects.get(pk=action.pk).reason.endswith("Hors sujet.")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_log_trigger_refuses_raw_update_on_postgresql(action):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE moderation_moderationaction SET reason = 'x' WHERE id = %s", [action.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM moderation_moderationaction WHERE id = %s", [action.pk])
    assert ModerationAction.objects.filter(pk=action.pk).exists()


def test_hide_emails_the_author_with_the_reason_and_the_appeal_link(
    debate, resident, facilitator, post, django_capture_on_commit_callbacks
):
    message = post(resident, debate)
    with django_capture_on_commit_callbacks(execute=True):
        action = services.message_hide(
            actor=facilitator, message_id=message.pk, reason_code="off_topic", reason="Hors sujet."
        )
    sent = [m for m in mail.outbox if resident.email in m.to]
    assert len(sent) == 1
    assert "Hors sujet." in sent[0].body
    assert f"/moderation/recours/{action.pk}/" in sent[0].body


# --- Reports -------------------------------------------------------------------------------


def test_three_distinct_reports_hide_the_message_automatically(
    make_user, debate, resident, post, django_capture_on_commit_callbacks
):
    message = post(resident, debate)
    reporters = [make_user() for _ in range(3)]
    for reporter in reporters[:2]:
        services.report_submit(actor=reporter, message_id=message.pk, reason="insult")
    message.refresh_from_db()
    assert message.state == Message.State.PUBLISHED
    assert not ModerationAction.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(actor=reporters[2], message_id=message.pk, reason="harassment")
    message.refresh_from_db()
    assert (message.state, message.hidden_by) == (Message.State.HIDDEN, "automatic")
    assert "3 participant·es" in message.reason
    action = ModerationAction.objects.get()
    assert (action.automatic, action.actor, action.kind, action.rule, action.reason_code) == (
        True,
        None,
        "hide",
        "reports",
        "insult",
    )
    hidden = RoomEvent.objects.get(debate=debate, type="message.hidden")
    assert hidden.payload["by"] == "automatic" and hidden.payload["message_id"] == message.pk
    assert any(resident.email in m.to and "/moderation/recours/" in m.body for m in mail.outbox)


def test_report_threshold_comes_from_the_profile(make_user, debate, resident, post):
    from facilitation.models import FacilitationProfile

    profile = FacilitationProfile.objects.create(name="Strict", slug="strict", report_hide_threshold=1)
    debate.profile = profile
    debate.save(update_fields=["profile"])
    message = post(resident, debate)
    services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")
    message.refresh_from_db()
    assert message.state == Message.State.HIDDEN


def test_report_same_reporter_twice_counts_once(make_user, debate, resident, post):
    message = post(resident, debate)
    reporter = make_user()
    services.report_submit(actor=reporter, message_id=message.pk, reason="insult")
    with pytest.raises(InvalidState):
        services.report_submit(actor=reporter, message_id=message.pk, reason="insult")
    assert message.reports.count() == 1


def test_report_with_an_unknown_reason_or_forged_id_changes_nothing(other_resident, debate, resident, post):
    message = post(resident, debate)
    with pytest.raises(InvalidInput):
        services.report_submit(actor=other_resident, message_id=message.pk, reason="boring")
    with pytest.raises(NotFound):
        services.report_submit(actor=other_resident, message_id=999999, reason="insult")
    assert not message.reports.exists()


def test_facilitator_keeps_hidden_or_restores_an_automatically_hidden_message(
    make_user, debate, resident, facilitator, post
):
    kept, restored = post(resident, debate, "Premier message"), post(resident, debate, "Deuxième message")
    for message in (kept, restored):
        for _ in range(3):
            services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")
    services.message_keep_hidden(actor=facilitator, message_id=kept.pk, reason_code="spam")
    services.message_restore(actor=facilitator, message_id=restored.pk)
    kept.refresh_from_db()
    restored.refresh_from_db()
    assert kept.state == Message.State.HIDDEN
    assert restored.state == Message.State.PUBLISHED
    with pytest.raises(InvalidState):
        services.message_restore(actor=facilitator, message_id=restored.pk)
    human = ModerationAction.objects.filter(automatic=False).order_by("pk")
    assert [a.kind for a in human] == ["keep_hidden", "restore"]
    assert all(a.pending_since is not None for a in human)


# --- Appeals -------------------------------------------------------------------------------


def test_appeal_upheld_restores_the_hidden_message(make_user, action, resident, django_capture_on_commit_callbacks):
    co_facilitator = make_user(display_name="Co-animation")
    action.debate.facilitators.add(co_facilitator)
    appeal = services.appeal_create(actor=resident, action_id=action.pk, text="Je parlais du marché.")
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_decide(actor=co_facilitator, appeal_id=appeal.pk, uphold=True, reason="C’était bien le sujet.")
    action.message.refresh_from_db()
    assert action.message.state == Message.State.PUBLISHED
    decision = ModerationAction.objects.get(kind="appeal_upheld")
    assert (decision.actor, decision.appeal, decision.target) == (co_facilitator, appeal, resident)
    assert any(resident.email in m.to and "C’était bien le sujet." in m.body for m in mail.outbox)


def test_appeal_upheld_lifts_an_exclusion(debate, resident, facilitator, city_agent, post):
    post(resident, debate)
    action = services.participant_exclude(
        actor=facilitator, debate_id=debate.pk, user_id=resident.pk, reason_code="harassment"
    )
    appeal = services.appeal_create(actor=resident, action_id=action.pk, text="Ce n’était pas moi.")
    services.appeal_decide(actor=city_agent, appeal_id=appeal.pk, uphold=True, reason="Erreur de personne.")
    assert debate.participations.get(user=resident).muted_until is None


def test_appeal_dismissed_keeps_the_decision_and_cannot_be_decided_twice(action, resident, city_agent):
    appeal = services.appeal_create(actor=resident, action_id=action.pk, text="Je conteste.")
    services.appeal_decide(actor=city_agent, appeal_id=appeal.pk, uphold=False, reason="Le message sortait du sujet.")
    with pytest.raises(InvalidState):
        services.appeal_decide(actor=city_agent, appeal_id=appeal.pk, uphold=True, reason="Finalement oui.")
    action.message.refresh_from_db()
    assert action.message.state == Message.State.HIDDEN
    assert Appeal.objects.get().status == Appeal.Status.DISMISSED


def test_appeal_twice_or_without_text_is_refused(action, resident):
    with pytest.raises(InvalidInput):
        services.appeal_create(actor=resident, action_id=action.pk, text="   ")
    services.appeal_create(actor=resident, action_id=action.pk, text="Je conteste.")
    with pytest.raises(InvalidState):
        services.appeal_create(actor=resident, action_id=action.pk, text="Encore.")
    assert Appeal.objects.count() == 1


def test_appeal_of_an_approval_is_refused(debate, resident, facilitator, hold):
    message = hold(resident, debate)
    action = services.message_approve(actor=facilitator, message_id=message.pk)
    action.target = resident
    with pytest.raises(InvalidState):
        services.appeal_create(actor=resident, action_id=action.pk, text="?")


# --- Bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["", "made_up"])
def test_reject_without_a_listed_reason_changes_nothing(code, debate, resident, facilitator, hold):
    message = hold(resident, debate)
    with pytest.raises(InvalidInput):
        services.message_reject(actor=facilitator, message_id=message.pk, reason_code=code)
    message.refresh_from_db()
    assert message.state == Message.State.HELD
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == ["hold"]


def test_reject_with_an_overlong_text_changes_nothing(debate, resident, facilitator, hold):
    message = hold(resident, debate)
    with pytest.raises(InvalidInput):
        services.message_reject(actor=facilitator, message_id=message.pk, reason_code="insult", reason="x" * 400)
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == ["hold"]


def test_approve_a_published_message_is_an_invalid_state(debate, resident, facilitator, post):
    message = post(resident, debate)
    with pytest.raises(InvalidState):
        services.message_approve(actor=facilitator, message_id=message.pk)
    assert not ModerationAction.objects.exists()


def test_mute_a_facilitator_or_for_too_long_is_refused(debate, resident, facilitator, make_user, post):
    other = make_user()
    debate.facilitators.add(other)
    post(resident, debate)
    post(other, debate)
    with pytest.raises(InvalidInput):
        services.participant_mute(
            actor=facilitator, debate_id=debate.pk, user_id=other.pk, minutes=5, reason_code="charter"
        )
    with pytest.raises(InvalidInput):
        services.participant_mute(
            actor=facilitator, debate_id=debate.pk, user_id=resident.pk, minutes=100000, reason_code="charter"
        )
    assert not ModerationAction.objects.exists()


def test_forged_message_id_is_not_found(facilitator):
    for forged in (999999, "12", True):
        with pytest.raises(NotFound):
            services.message_hide(actor=facilitator, message_id=forged, reason_code="insult")


# --- Privacy -------------------------------------------------------------------------------


def test_privacy_export_and_erasure(action, resident, other_resident):
    from moderation.models import PersonalMute
    from moderation.privacy import erase_user_data, export_user_data

    services.personal_mute(actor=resident, user_id=other_resident.pk)
    services.appeal_create(actor=resident, action_id=action.pk, text="Mon texte personnel.")
    data = export_user_data(user=resident)
    assert [d["decision"] for d in data["moderation_decisions_about_me"]] == ["hide"]
    assert data["appeals"][0]["text"] == "Mon texte personnel."
    assert data["participants_i_muted"] == [other_resident.public_name]
    erase_user_data(user=resident)
    assert not PersonalMute.objects.exists()
    assert Appeal.objects.get().text == ""
    assert ModerationAction.objects.filter(target=resident).count() == 1


# --- As the live room calls them -----------------------------------------------------------


def test_a_held_message_is_logged_as_an_automatic_hold_with_its_rule(debate, resident, hold):
    message = hold(resident, debate)
    action = ModerationAction.objects.get()
    assert (action.kind, action.automatic, action.rule, action.message, action.target) == (
        "hold",
        True,
        "insults",
        message,
        resident,
    )


def test_room_services_refuse_a_message_of_another_debate(make_debate, facilitator, resident, post):
    from moderation.services import room

    mine, other = make_debate(facilitators=[facilitator]), make_debate(facilitators=[facilitator])
    message = post(resident, other)
    with pytest.raises(NotFound):
        room.room_message_hide(actor=facilitator, debate=mine, message_id=message.pk, reason="Hors sujet")
    message.refresh_from_db()
    assert message.state == Message.State.PUBLISHED


def test_room_services_count_free_text_as_other_and_refuse_no_reason(debate, facilitator, resident, post):
    from moderation.services import room

    message = post(resident, debate)
    with pytest.raises(InvalidInput):
        room.room_message_hide(actor=facilitator, debate=debate, message_id=message.pk, reason="  ")
    action = room.room_message_hide(actor=facilitator, debate=debate, message_id=message.pk, reason="Hors sujet")
    assert (action.reason_code, action.reason.endswith("Hors sujet")) == ("other", True)


def test_appeal_upheld_by_a_city_agent_publishes_a_hidden_or_refused_message(
    debate, resident, facilitator, city_agent, post, hold
):
    hidden = post(resident, debate)
    refused = hold(resident, debate)
    actions = [
        services.message_hide(actor=facilitator, message_id=hidden.pk, reason_code="off_topic"),
        services.message_reject(actor=facilitator, message_id=refused.pk, reason_code="insult"),
    ]
    for action in actions:
        appeal = services.appeal_create(actor=resident, action_id=action.pk, text="Je conteste.")
        services.appeal_decide(actor=city_agent, appeal_id=appeal.pk, uphold=True, reason="Recours fondé.")
    for message in (hidden, refused):
        message.refresh_from_db()
        assert message.state == Message.State.PUBLISHED and message.seq is not None

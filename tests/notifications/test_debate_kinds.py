"""Replies, moderation decisions and session reminders in the debates: who is told, by which
e-mail, and who is not."""

import uuid

from debates import reminders, services
from moderation.services import appeals, decisions
from notifications.models import Notification, OutgoingEmail


def _post(debate, user, body, reply_to=None):
    return services.message_post(
        actor=user, debate=debate, client_id=uuid.uuid4(), body=body, reply_to_id=reply_to
    ).message


def test_a_reply_tells_the_author_in_the_site_and_by_email(debate, joined, resident, other_resident, told, mailed):
    joined(resident)
    joined(other_resident)
    first = _post(debate, resident, "Il faudrait des bancs sur la place.")
    with mailed() as sent:
        reply = _post(debate, other_resident, "Oui, et à l’ombre.", reply_to=first.pk)
    assert told("message_reply") == {resident.pk}
    notification = Notification.objects.get(kind="message_reply")
    assert notification.target == reply and notification.actor == other_resident
    [email] = sent.to(resident)
    assert "Alix" in email.subject and debate.title in email.subject
    assert f"#message-{reply.pk}" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/notifications/desabonnement/" in email.extra_headers["List-Unsubscribe"]
    assert OutgoingEmail.objects.get(to=resident.email).status == OutgoingEmail.Status.SENT
    assert sent.to(other_resident) == []


def test_replying_to_oneself_tells_nobody(debate, joined, resident, told):
    joined(resident)
    first = _post(debate, resident, "Première idée.")
    _post(debate, resident, "Et une précision.", reply_to=first.pk)
    assert told("message_reply") == set()


def test_an_english_reader_gets_the_email_in_english(debate, joined, resident, other_resident, mailed):
    resident.preferred_language = "en"
    resident.save()
    joined(resident)
    joined(other_resident)
    first = _post(debate, resident, "Benches please.")
    with mailed() as sent:
        _post(debate, other_resident, "Yes!", reply_to=first.pk)
    [email] = sent.to(resident)
    assert "replied to your message" in email.subject
    assert "Hello" in email.body


def test_a_held_message_is_told_in_the_site_only_and_a_refusal_by_email_with_the_appeal(
    make_debate, facilitator, joined, resident, told, mailed
):
    debate = make_debate(facilitators=[facilitator])
    joined(resident, on=debate)
    with mailed() as sent:
        message = _post(debate, resident, "Ce projet est débile et toi aussi, connard.")
    # The default profile holds insults for review.
    assert message.state == "held"
    assert told("message_held") == {resident.pk}
    assert sent.to(resident) == []  # "never" by default: the room already said it
    with mailed() as sent:
        decisions.message_reject(actor=facilitator, message_id=message.pk, reason_code="off_topic", reason="")
    assert told("message_refused") == {resident.pk}
    [email] = sent.to(resident)
    assert "/moderation/recours/" in email.body


def test_an_appeal_decision_is_told_to_the_appellant(debate, joined, resident, facilitator, city_agent, told):
    joined(resident)
    message = _post(debate, resident, "Un message à cacher.")
    action = decisions.message_hide(actor=facilitator, message_id=message.pk, reason_code="off_topic", reason="")
    assert told("message_hidden") == {resident.pk}
    appeal = appeals.appeal_create(actor=resident, action_id=action.pk, text="C’était bien le sujet.")
    appeals.appeal_decide(actor=city_agent, appeal_id=appeal.pk, uphold=True, reason="Vous avez raison.")
    assert told("appeal_decided") == {resident.pk}
    notification = Notification.objects.get(kind="appeal_decided")
    assert notification.data["upheld"] is True
    assert facilitator.pk not in told("appeal_decided")


def test_a_session_reminder_is_a_notification_to_followers_only(
    debate, resident, other_resident, told, mailed, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from debates.models import DebateSession

    services.debate_follow(actor=resident, debate=debate)
    start = timezone.now() + timezone.timedelta(hours=2)
    session = DebateSession.objects.create(debate=debate, starts_at=start, ends_at=start + timezone.timedelta(hours=1))
    with mailed() as sent:
        assert reminders.session_remind(session_id=session.pk) == 1
        assert reminders.session_remind(session_id=session.pk) == 0
    assert told("session_starting") == {resident.pk}
    assert len(sent.to(resident)) == 1 and sent.to(other_resident) == []


def test_a_new_public_debate_tells_the_followers_of_its_engagement(make_debate, resident, other_resident, told):
    from django.contrib.contenttypes.models import ContentType

    from cite.models import EngagementPage
    from debates import notices
    from notifications.models import Follow

    engagement = EngagementPage.objects.live().first()
    if engagement is None:
        engagement = _engagement()
    Follow.objects.create(
        user=resident, target_type=ContentType.objects.get_for_model(EngagementPage), target_id=engagement.pk
    )
    unlisted = make_debate(engagement=engagement, visibility="unlisted")
    notices.debate_listed(unlisted)
    assert told("debate_new_followed") == set()
    public = make_debate(engagement=engagement)
    notices.debate_listed(public)
    assert told("debate_new_followed") == {resident.pk}
    assert Notification.objects.get(kind="debate_new_followed").target == public


def _engagement():
    from wagtail.models import Page

    from cite.models import EngagementPage

    root = Page.get_first_root_node()
    page = EngagementPage(title="Le dialogue, une compétence collective", slug="engagement-9-test", number=9)
    root.add_child(instance=page)
    return page


def test_a_held_message_published_after_review_says_so(debate, joined, resident, facilitator, told):
    from notifications.render import sentence

    joined(resident)
    message = _post(debate, resident, "Ce projet est débile et toi aussi, connard.")
    decisions.message_approve(actor=facilitator, message_id=message.pk)
    assert told("message_restored") == {resident.pk}
    assert "publié après relecture" in sentence(Notification.objects.get(kind="message_restored"))

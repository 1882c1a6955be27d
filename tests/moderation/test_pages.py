"""The moderation pages through the HTTP client: the queue and its forms (no JavaScript), the
appeal page, the report form, personal mutes, the public register and its CSV export."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from debates.models import Debate, Message
from moderation import services
from moderation.log import action_record
from moderation.models import Appeal, ModerationAction, PersonalMute

pytestmark = pytest.mark.django_db
QUEUE = reverse("moderation:queue")
ACT = reverse("moderation:act")


@pytest.mark.parametrize(
    ("who", "status"), [("resident", 403), ("facilitator", 200), ("city_agent", 200), ("superuser", 200)]
)
def test_queue_page_is_for_facilitators_and_city_agents(who, status, request, client_for, debate):
    user = request.getfixturevalue(who)
    assert client_for(user).get(QUEUE).status_code == status


def test_queue_page_anonymous_goes_to_login(client_for):
    response = client_for(None).get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_queue_page_lists_held_and_reported_messages_of_my_debates_only(
    make_user, make_debate, client_for, debate, facilitator, resident, hold, post
):
    held = hold(resident, debate)
    reported = post(resident, debate, "Le marché devrait fermer à midi.")
    services.report_submit(actor=make_user(), message_id=reported.pk, reason="off_topic", detail="rien à voir")
    elsewhere = make_debate(facilitators=[make_user(roles=[Role.FACILITATOR])])
    hold(resident, elsewhere, "Encore un connard ici.")
    page = client_for(facilitator).get(QUEUE).content.decode()
    assert f'id="held-{held.pk}"' in page
    assert f'id="reported-{reported.pk}"' in page
    assert "rien à voir" in page
    assert elsewhere.title not in page


def test_queue_page_query_count_does_not_grow_with_the_queue(
    make_user, client_for, debate, facilitator, hold, post, django_assert_max_num_queries
):
    def fill(n):
        for _ in range(n):
            author = make_user()
            hold(author, debate)
            message = post(author, debate, "Un avis sur le marché.")
            services.report_submit(actor=make_user(), message_id=message.pk, reason="spam")

    fill(2)
    client = client_for(facilitator)
    with django_assert_max_num_queries(20) as small:
        client.get(QUEUE)
    fill(6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(QUEUE).status_code == 200


def test_queue_form_rejects_a_held_message_with_a_reason(client_for, debate, facilitator, resident, hold):
    message = hold(resident, debate)
    response = client_for(facilitator).post(
        ACT, {"action": "reject", "message_id": message.pk, "reason_code": "insult", "reason": "Pas d’insulte ici."}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.state == Message.State.REJECTED
    assert message.reason.endswith("Pas d’insulte ici.")
    assert ModerationAction.objects.filter(automatic=False).get().kind == "reject"


def test_queue_form_without_reason_changes_nothing_and_says_why(client_for, debate, facilitator, resident, hold):
    message = hold(resident, debate)
    response = client_for(facilitator).post(ACT, {"action": "reject", "message_id": message.pk}, follow=True)
    message.refresh_from_db()
    assert message.state == Message.State.HELD
    assert "raisons proposées" in response.content.decode()


def test_queue_form_by_a_resident_is_forbidden(client_for, debate, other_resident, resident, hold):
    message = hold(resident, debate)
    response = client_for(other_resident).post(ACT, {"action": "approve", "message_id": message.pk})
    assert response.status_code == 403
    message.refresh_from_db()
    assert message.state == Message.State.HELD


def test_queue_form_with_garbage_changes_nothing(client_for, debate, facilitator):
    response = client_for(facilitator).post(ACT, {"action": "drop_table", "message_id": "x"}, follow=True)
    assert response.status_code == 200
    assert not ModerationAction.objects.exists()


def test_queue_offers_the_next_step_of_the_ladder(client_for, debate, facilitator, resident, hold, post):
    first = post(resident, debate)
    services.message_hide(actor=facilitator, message_id=first.pk, reason_code="off_topic")
    services.participant_remind(actor=facilitator, debate_id=debate.pk, user_id=resident.pk, reason_code="charter")
    hold(resident, debate)
    page = client_for(facilitator).get(QUEUE).content.decode()
    assert "3 actions précédentes" in page  # hidden, reminded, and this message held
    assert 'value="review"' in page


# --- Appeals -------------------------------------------------------------------------------


@pytest.fixture
def hidden_action(debate, facilitator, resident, post):
    message = post(resident, debate)
    return services.message_hide(actor=facilitator, message_id=message.pk, reason_code="off_topic")


def test_appeal_page_only_for_the_participant_concerned(client_for, hidden_action, resident, other_resident):
    url = reverse("moderation:appeal", args=[hidden_action.pk])
    assert client_for(other_resident).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
    assert client_for(resident).get(url).status_code == 200


def test_appeal_page_sends_an_appeal_then_shows_its_status(client_for, hidden_action, resident):
    url = reverse("moderation:appeal", args=[hidden_action.pk])
    client = client_for(resident)
    assert client.post(url, {"text": ""}).status_code == 400
    assert client.post(url, {"text": "Je parlais du marché."}).status_code == 302
    assert Appeal.objects.get().text == "Je parlais du marché."
    assert "En attente d’une décision" in client.get(url).content.decode()


def test_appeal_decided_from_the_queue_by_a_city_agent_not_by_the_facilitator_who_acted(
    client_for, hidden_action, resident, facilitator, city_agent
):
    appeal = services.appeal_create(actor=resident, action_id=hidden_action.pk, text="Je conteste.")
    url = reverse("moderation:appeal_decide", args=[appeal.pk])
    assert f'id="appeal-{appeal.pk}"' not in client_for(facilitator).get(QUEUE).content.decode()
    assert client_for(facilitator).post(url, {"decision": "dismiss", "reason": "Non."}).status_code == 403
    assert f'id="appeal-{appeal.pk}"' in client_for(city_agent).get(QUEUE).content.decode()
    assert client_for(city_agent).post(url, {"decision": "dismiss", "reason": "Hors sujet."}).status_code == 302
    appeal.refresh_from_db()
    assert (appeal.status, appeal.decided_by) == (Appeal.Status.DISMISSED, city_agent)


# --- Reports and personal mutes ------------------------------------------------------------


def test_report_form_without_javascript(client_for, debate, resident, other_resident, post):
    message = post(resident, debate)
    url = reverse("moderation:report", args=[message.pk])
    client = client_for(other_resident)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "not-a-reason"}).status_code == 400
    assert client.post(url, {"reason": "personal_data", "detail": "Une adresse"}).status_code == 302
    assert message.reports.get().reason == "personal_data"
    assert client.post(url, {"reason": "spam"}).status_code == 400  # once per message


def test_personal_mute_and_unmute(client_for, resident, other_resident):
    url = reverse("moderation:personal_mutes")
    client = client_for(resident)
    client.post(url, {"user_id": other_resident.pk, "mute": "on"})
    client.post(url, {"user_id": other_resident.pk, "mute": "on"})
    assert list(PersonalMute.objects.values_list("owner", "muted")) == [(resident.pk, other_resident.pk)]
    assert other_resident.public_name in client.get(url).content.decode()
    client.post(url, {"user_id": other_resident.pk})
    assert not PersonalMute.objects.exists()


def test_personal_mute_of_oneself_or_of_nobody_is_refused(client_for, resident):
    url = reverse("moderation:personal_mutes")
    client = client_for(resident)
    client.post(url, {"user_id": resident.pk, "mute": "on"})
    client.post(url, {"user_id": 999999, "mute": "on"})
    assert not PersonalMute.objects.exists()
    assert client_for(None).post(url, {"user_id": resident.pk, "mute": "on"}).status_code == 302


# --- The public register -------------------------------------------------------------------


@pytest.fixture
def built_register(make_debate, make_user, facilitator):
    """Known decisions: 2 automatic, 3 by a person waiting 60, 120 and 600 seconds."""
    public = make_debate(title="Place du marché", facilitators=[facilitator])
    unlisted = make_debate(title="Réunion interne", visibility=Debate.Visibility.UNLISTED)
    author = make_user(display_name="Camille Secrète")
    now = timezone.now()
    action_record(kind="hold", debate=public, target=author, rule="insults", reason_code="")
    action_record(kind="hide", debate=public, target=author, rule="reports", reason_code="insult")
    for seconds, debate, code in ((60, public, "insult"), (120, public, "off_topic"), (600, unlisted, "insult")):
        action_record(
            kind="reject",
            debate=debate,
            actor=facilitator,
            target=author,
            reason_code=code,
            reason="Camille Secrète a insulté",
            pending_since=now - timedelta(seconds=seconds),
        )
    return public, unlisted


def test_register_figures_on_built_data(built_register):
    from moderation.register import figures

    result = figures()
    assert (result.total, result.automatic, result.human) == (5, 2, 3)
    assert 115 <= result.median_seconds <= 125
    by_reason = {label: (auto, human) for label, auto, human in result.by_reason}
    assert by_reason["Insulte ou injure"] == (1, 2)
    assert by_reason["Hors sujet"] == (0, 1)
    assert by_reason["insults"] == (1, 0)
    assert [(d.title, a, h) for d, a, h in result.by_debate] == [("Place du marché", 2, 2)]


def test_register_page_is_public_and_shows_no_personal_data(client_for, built_register):
    response = client_for(None).get(reverse("moderation:register"))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<dd id="figure-total">5</dd>' in page
    assert '<dd id="figure-automatic">2</dd>' in page
    assert "2 minutes" in page
    assert "Camille" not in page and "Réunion interne" not in page


def test_register_csv_has_one_row_per_decision_without_personal_data(client_for, built_register):
    response = client_for(None).get(reverse("moderation:register_csv"))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["date", "debate", "action", "automatic", "rule", "reason", "seconds_to_decision"]
    assert len(rows) == 6
    assert sorted(r[6] for r in rows[1:] if r[3] == "no") == ["120", "60", "600"]
    assert "Camille" not in text and "Secrète" not in text
    public, unlisted = built_register
    assert unlisted.slug not in text and public.slug in text


def test_appeal_link_of_a_tombstone_leads_its_author_to_the_decision(
    client_for, hidden_action, resident, other_resident
):
    url = reverse("moderation:appeal_for_message", args=[hidden_action.message_id])
    response = client_for(resident).get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("moderation:appeal", args=[hidden_action.pk])
    assert client_for(other_resident).get(url).status_code == 404


def test_register_page_query_count_stays_constant(
    client_for, built_register, make_debate, facilitator, django_assert_max_num_queries
):
    client = client_for(None)
    with django_assert_max_num_queries(15) as small:
        client.get(reverse("moderation:register"))
    for n in range(5):
        debate = make_debate(title=f"Encore un débat {n}", facilitators=[facilitator])
        action_record(kind="hide", debate=debate, rule="reports", reason_code="spam")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("moderation:register")).status_code == 200


def test_moderation_log_is_read_only_in_the_admin(client_for, superuser, built_register):
    action = ModerationAction.objects.first()
    client = client_for(superuser)
    assert client.get(reverse("admin:moderation_moderationaction_changelist")).status_code == 200
    assert (
        client.post(reverse("admin:moderation_moderationaction_delete", args=[action.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert ModerationAction.objects.filter(pk=action.pk).exists()


# --- In the room ---------------------------------------------------------------------------


def test_room_page_collapses_muted_authors_and_tells_an_excluded_participant(
    client_for, debate, facilitator, resident, other_resident, post
):
    post(other_resident, debate, "Un message d’Alix.")
    services.personal_mute(actor=resident, user_id=other_resident.pk)
    page = client_for(resident).get(debate.get_absolute_url()).content.decode()
    assert f"[{other_resident.pk}]" in page  # the personal mutes given to room_tools.js
    assert "moderation/room_tools.js" in page
    assert 'id="reason-code"' not in page  # the reason templates are for facilitators
    post(resident, debate)
    services.participant_exclude(actor=facilitator, debate_id=debate.pk, user_id=resident.pk, reason_code="harassment")
    page = client_for(resident).get(debate.get_absolute_url()).content.decode()
    assert "vous a exclu·e de ce débat" in page
    assert 'id="reason-code"' in client_for(facilitator).get(debate.get_absolute_url()).content.decode()

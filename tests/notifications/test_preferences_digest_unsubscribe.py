"""E-mail choices per kind, the daily and weekly digests, and one-click unsubscribe."""

import pytest
from django.core import mail

from notifications import digests
from notifications.models import Delivery, Notification, OutgoingEmail, Preference
from notifications.render import DIGEST_PREFIX, unsubscribe_token
from notifications.services import notify
from pactes.models import Pact

S = Pact.Status


def test_preferences_page_shows_every_kind_with_its_default(client_for, resident):
    response = client_for(resident).get("/compte/notifications/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="message_reply"' in page and 'name="clause_comment"' in page
    form = response.context["form"]
    assert form["clause_comment"].value() == Delivery.DAILY
    assert form["message_held"].value() == Delivery.NEVER


def test_preferences_are_saved_and_bad_values_change_nothing(client_for, resident):
    from notifications.registry import KINDS

    client = client_for(resident)
    choices = {code: spec.default for code, spec in KINDS.items()}
    response = client.post("/compte/notifications/", {**choices, "message_reply": Delivery.WEEKLY})
    assert response.status_code == 302
    assert Preference.objects.get(user=resident, kind="message_reply").delivery == Delivery.WEEKLY
    response = client.post("/compte/notifications/", {**choices, "message_reply": "sometimes"})
    assert response.status_code == 400
    assert Preference.objects.get(user=resident, kind="message_reply").delivery == Delivery.WEEKLY


def test_never_means_no_email_but_the_notification_stays(people, make_pact, mailed):
    pact = make_pact(status=S.CONSULTATION)
    Preference.objects.create(user=people.proponent, kind="pact_co_design", delivery=Delivery.NEVER)
    with mailed() as sent:
        notify(recipients=[people.proponent], kind="pact_co_design", object=pact, actor=people.city_agent)
    assert sent.to(people.proponent) == []
    assert Notification.objects.filter(recipient=people.proponent).count() == 1


def test_daily_digest_groups_by_object_and_goes_once(people, make_pact, mailed):
    first = make_pact(status=S.CONSULTATION, title="Jardin des Lilas")
    second = make_pact(status=S.CONSULTATION, title="Cour de l’école")
    for kind in ("pact_co_design", "pact_signing"):
        Preference.objects.create(user=people.proponent, kind=kind, delivery=Delivery.DAILY)
    with mailed() as sent:
        notify(recipients=[people.proponent], kind="pact_co_design", object=first, actor=people.city_agent)
        notify(recipients=[people.proponent], kind="pact_signing", object=first, actor=people.city_agent)
        notify(recipients=[people.proponent], kind="pact_co_design", object=second, actor=people.city_agent)
        # Weekly notifications wait for the weekly digest.
        Preference.objects.create(user=people.other_party, kind="pact_co_design", delivery=Delivery.WEEKLY)
        notify(recipients=[people.other_party], kind="pact_co_design", object=first, actor=people.city_agent)
    assert sent.to(people.proponent) == []
    with mailed() as sent:
        assert digests.digests_send(frequency="daily") == 1
        assert digests.digests_send(frequency="daily") == 0
    [digest] = sent.to(people.proponent)
    assert sent.to(people.other_party) == []
    assert "3 notifications" in digest.subject
    body = digest.body
    assert body.count("== Jardin des Lilas ==") == 1 and body.count("== Cour de l’école ==") == 1
    lilas = body.index("== Jardin des Lilas ==")
    ecole = body.index("== Cour de l’école ==")
    assert body[lilas:ecole].count("\n- ") == 2
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with mailed() as sent:
        assert digests.digests_send(frequency="weekly") == 1
    assert len(sent.to(people.other_party)) == 1
    with pytest.raises(ValueError):
        digests.digests_send(frequency="hourly")


def test_unsubscribe_get_changes_nothing_and_post_stops_that_kind_without_login(client, resident):
    token = unsubscribe_token(resident.pk, "message_reply")
    url = f"/notifications/desabonnement/{token}/"
    assert client.get(url).status_code == 200
    assert not Preference.objects.filter(user=resident).exists()
    # A mail client's one-click request (RFC 8058): no session, no CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Preference.objects.get(user=resident, kind="message_reply").delivery == Delivery.NEVER
    assert Preference.objects.filter(user=resident).count() == 1


def test_a_digest_link_stops_every_kind_of_that_digest(client, resident):
    Preference.objects.create(user=resident, kind="message_reply", delivery=Delivery.DAILY)
    token = unsubscribe_token(resident.pk, DIGEST_PREFIX + "daily")
    client.post(f"/notifications/desabonnement/{token}/")
    assert Preference.objects.get(user=resident, kind="message_reply").delivery == Delivery.NEVER
    assert Preference.objects.get(user=resident, kind="clause_comment").delivery == Delivery.NEVER
    assert not Preference.objects.filter(user=resident, kind="pact_co_design").exists()


@pytest.mark.parametrize(
    "token",
    ["nimportequoi", unsubscribe_token(999999, "message_reply"), "bad:signature:here"],
)
def test_a_forged_or_stale_unsubscribe_link_is_refused(client, resident, token):
    assert client.post(f"/notifications/desabonnement/{token}/").status_code == 400
    assert not Preference.objects.exists()


def test_a_link_for_an_unknown_kind_is_refused(client, resident):
    token = unsubscribe_token(resident.pk, "launch_missiles")
    assert client.post(f"/notifications/desabonnement/{token}/").status_code == 400
    assert not Preference.objects.exists()


def test_outbox_retries_with_back_off_then_sends_once(people, make_pact, settings):
    from django.utils import timezone

    from notifications import outbox

    pact = make_pact(status=S.CONSULTATION)
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.EmailBackend"
    notify(recipients=[people.proponent], kind="pact_co_design", object=pact, actor=people.city_agent)
    row = OutgoingEmail.objects.get(to=people.proponent.email)
    assert outbox.outbox_send(email_id=row.pk) is False  # the server is down
    row.refresh_from_db()
    assert row.status == OutgoingEmail.Status.PENDING and row.attempts == 1
    assert row.next_attempt_at > timezone.now()
    assert outbox.outbox_sweep() == 0  # not due yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    OutgoingEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert outbox.outbox_sweep() == 1
    assert outbox.outbox_sweep() == 0
    assert outbox.outbox_send(email_id=row.pk) is False
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == OutgoingEmail.Status.SENT and row.attempts == 2


def test_outbox_gives_up_after_many_failures(people, settings):
    from notifications import outbox

    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.EmailBackend"
    row = outbox.email_queue(to="x@example.org", subject="S", body="B")
    for _ in range(outbox.MAX_ATTEMPTS):
        OutgoingEmail.objects.filter(pk=row.pk).update(next_attempt_at=row.created_at)
        outbox.outbox_send(email_id=row.pk)
    row.refresh_from_db()
    assert row.status == OutgoingEmail.Status.FAILED and "SMTP" in row.last_error
    assert outbox.backoff(1) < outbox.backoff(3) <= outbox.backoff(30)


def test_a_kind_switched_to_never_is_left_out_of_the_waiting_digest(people, make_pact, mailed):
    pact = make_pact(status=S.CONSULTATION)
    Preference.objects.create(user=people.proponent, kind="pact_co_design", delivery=Delivery.DAILY)
    notify(recipients=[people.proponent], kind="pact_co_design", object=pact, actor=people.city_agent)
    Preference.objects.filter(user=people.proponent).update(delivery=Delivery.NEVER)
    with mailed() as sent:
        assert digests.digests_send(frequency="daily") == 0
    assert sent.to(people.proponent) == []
    assert Notification.objects.get(recipient=people.proponent).emailed_at is not None

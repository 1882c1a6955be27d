"""Follow-ups at 1 and 3 months (the beat task reminds the connector), and the retention limit
(the beat task erases the personal fields)."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from core.errors import InvalidInput, InvalidState
from notifications.models import Notification, OutgoingEmail
from orientation import services, tasks
from orientation.models import FollowUp, Referral, ReferralOffer
from orientation.services.common import add_months


def test_add_months_keeps_the_day_or_the_months_last():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert add_months(dt.date(2026, 3, 15), -6) == dt.date(2025, 9, 15)


def _due_now(line, months):
    FollowUp.objects.filter(line=line, months=months).update(due_on=timezone.localdate())


def test_the_task_reminds_the_connector_once(connector, line):
    assert tasks.remind_follow_ups() == []
    _due_now(line, 1)
    reminded = tasks.remind_follow_ups()
    assert len(reminded) == 1
    notification = Notification.objects.get(recipient=connector, kind="follow_up_due")
    assert notification.data == {"months": 1}
    email = OutgoingEmail.objects.get(recipient=connector)
    assert "Josiane" not in email.body and "Un mois après" in email.body
    assert tasks.remind_follow_ups() == []
    assert Notification.objects.filter(kind="follow_up_due").count() == 1


def test_the_connector_records_a_due_follow_up(client_for, connector, line):
    _due_now(line, 1)
    follow_up = FollowUp.objects.get(line=line, months=1)
    client = client_for(connector)
    page = client.get(f"/orientation/{line.referral_id}/").content.decode()
    assert "Y va toujours" in page
    response = client.post(f"/orientation/suivis/{follow_up.pk}/", {f"f{follow_up.pk}-outcome": "still_going"})
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.outcome, follow_up.recorded_by) == ("still_going", connector)


def test_follow_up_wrong_states_and_bad_input(connector, line):
    not_due = FollowUp.objects.get(line=line, months=3)
    with pytest.raises(InvalidState) as error:
        services.follow_up_record(actor=connector, follow_up=not_due, outcome="stopped")
    assert error.value.code == "NOT_DUE"
    _due_now(line, 1)
    due = FollowUp.objects.get(line=line, months=1)
    for outcome in ["", "maybe", None]:
        with pytest.raises(InvalidInput):
            services.follow_up_record(actor=connector, follow_up=due, outcome=outcome)
    services.follow_up_record(actor=connector, follow_up=due, outcome="not_reached")
    with pytest.raises(InvalidState) as error:
        services.follow_up_record(actor=connector, follow_up=due, outcome="stopped")
    assert error.value.code == "ALREADY_RECORDED"
    due.refresh_from_db()
    assert due.outcome == "not_reached"


def test_someone_elses_follow_up_is_not_found(client_for, make_connector, ccas, line):
    colleague = make_connector(organisation=ccas)
    _due_now(line, 1)
    follow_up = FollowUp.objects.get(line=line, months=1)
    response = client_for(colleague).post(
        f"/orientation/suivis/{follow_up.pk}/", {f"f{follow_up.pk}-outcome": "stopped"}
    )
    assert response.status_code == 404
    assert client_for(colleague).post("/orientation/suivis/999999/", {}).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.outcome == ""


@override_settings(ORIENTATION_RETENTION_MONTHS=6)
def test_the_retention_limit_erases_the_personal_fields(refer, resident, connector):
    referral, _token = refer()
    line = referral.lines.get()
    binome = services.binome_volunteer(actor=resident)
    services.binome_pair(actor=connector, line=line, binome_id=binome.pk)
    created = timezone.localdate()
    last_due = add_months(created, 3)
    # The day before the limit: kept.
    assert services.referrals_erase_expired(today=add_months(last_due, 6) - dt.timedelta(days=1)) == []
    # A follow-up recorded late pushes the limit.
    late = timezone.now() + dt.timedelta(days=200)
    FollowUp.objects.filter(line=line, months=3).update(outcome="still_going", recorded_at=late, recorded_by=connector)
    assert services.referrals_erase_expired(today=add_months(last_due, 6)) == []
    erased = services.referrals_erase_expired(today=add_months(timezone.localtime(late).date(), 6))
    assert erased == [referral.pk]
    referral.refresh_from_db()
    assert (referral.first_name, referral.contact, referral.token_hash, referral.connector) == ("", "", "", None)
    assert referral.erased_at is not None
    line = ReferralOffer.objects.get()
    assert line.binome is None and line.offer_id  # the anonymous facts stay
    assert FollowUp.objects.get(line=line, months=3).outcome == "still_going"
    assert FollowUp.objects.get(line=line, months=3).recorded_by is None
    # Twice is the same.
    assert services.referrals_erase_expired(today=add_months(timezone.localtime(late).date(), 7)) == []


def test_the_retention_task_runs(refer):
    refer()
    assert tasks.erase_expired() == []
    assert Referral.objects.get().first_name == "Josiane"


def test_beat_schedules_both_tasks(settings):
    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"orientation.tasks.remind_follow_ups", "orientation.tasks.erase_expired"} <= tasks_scheduled

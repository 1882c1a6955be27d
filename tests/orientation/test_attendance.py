"""The offer's team marks whether the person came; a volunteer companion comes along the first
time. Wrong states and bad input change nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from core.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from notifications.models import Notification, OutgoingEmail
from orientation import services
from orientation.models import Binome, ReferralOffer


def test_the_team_marks_the_person_came(client_for, team_member, connector, line):
    client = client_for(team_member)
    page = client.get(f"/orientation/offres/{line.pk}/").content.decode()
    assert "Josiane" in page and "06 12 34 56 78" in page
    today = timezone.localdate().isoformat()
    response = client.post(f"/orientation/offres/{line.pk}/venue/", {"outcome": "came", "on": today})
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.attendance, line.attendance_on, line.attendance_by) == ("came", timezone.localdate(), team_member)
    told = Notification.objects.get(recipient=connector, kind="referral_attendance")
    assert told.data == {"came": True}
    email = OutgoingEmail.objects.get(recipient=connector)
    assert "Josiane" not in email.body + email.subject


def test_absent_then_came_but_never_back(team_member, line):
    today = timezone.localdate()
    services.attendance_mark(actor=team_member, line=line, outcome="did_not_come", on=today)
    with pytest.raises(InvalidState):
        services.attendance_mark(actor=team_member, line=line, outcome="did_not_come", on=today)
    services.attendance_mark(actor=team_member, line=line, outcome="came", on=today)
    for outcome in ["came", "did_not_come"]:
        with pytest.raises(InvalidState) as error:
            services.attendance_mark(actor=team_member, line=line, outcome=outcome, on=today)
        assert error.value.code == "ALREADY_CAME"
    line.refresh_from_db()
    assert line.attendance == "came"


def test_marking_absent_twice_says_the_person_is_already_marked_absent(client_for, team_member, line):
    today = timezone.localdate()
    services.attendance_mark(actor=team_member, line=line, outcome="did_not_come", on=today)
    with pytest.raises(InvalidState) as error:
        services.attendance_mark(actor=team_member, line=line, outcome="did_not_come", on=today)
    assert error.value.code == "ALREADY_DID_NOT_COME"
    response = client_for(team_member).post(
        f"/orientation/offres/{line.pk}/venue/", {"outcome": "did_not_come", "on": today.isoformat()}, follow=True
    )
    page = response.content.decode()
    assert "Cette personne est déjà notée comme non venue." in page
    assert "déjà notée comme venue" not in page


@pytest.mark.parametrize(
    ("outcome", "on"),
    [
        ("maybe", 0),
        ("pending", 0),
        ("came", 1),  # tomorrow
        ("came", -30),  # before the referral
        ("came", "2026-01-01"),
        ("came", "now"),  # a moment, not a date
    ],
)
def test_bad_attendance_is_refused(team_member, line, outcome, on):
    # Days from today, counted when the test runs: a run may cross midnight after collecting.
    if isinstance(on, int):
        on = timezone.localdate() + dt.timedelta(days=on)
    elif on == "now":
        on = timezone.now()
    with pytest.raises(InvalidInput):
        services.attendance_mark(actor=team_member, line=line, outcome=outcome, on=on)
    line.refresh_from_db()
    assert line.attendance == "pending" and line.attendance_on is None


def test_bad_attendance_from_the_page_changes_nothing(client_for, team_member, line):
    client = client_for(team_member)
    for data in [{"outcome": "came", "on": "not a date"}, {"outcome": "x", "on": "2026-01-01"}, {}]:
        assert client.post(f"/orientation/offres/{line.pk}/venue/", data).status_code == 302
    line.refresh_from_db()
    assert line.attendance == "pending"


def test_forged_line_ids_are_not_found(client_for, team_member, line):
    client = client_for(team_member)
    assert client.get(f"/orientation/offres/{line.pk + 100}/").status_code == 404
    assert client.post(f"/orientation/offres/{line.pk + 100}/venue/", {"outcome": "came"}).status_code == 404


def test_a_deleted_line_cannot_be_marked(team_member, line):
    line.referral.delete()
    with pytest.raises(NotFound):
        services.attendance_mark(actor=team_member, line=line, outcome="came", on=timezone.localdate())


# --- companions ---------------------------------------------------------------------------------


def test_a_resident_volunteers_and_is_paired(client_for, resident, team_member, line):
    client = client_for(resident)
    response = client.post("/orientation/binome/", {"neighbourhood": "Centre", "agree": "on"})
    assert response.status_code == 302
    binome = Binome.objects.get(user=resident)
    meeting = timezone.localdate() + dt.timedelta(days=3)
    response = client_for(team_member).post(
        f"/orientation/offres/{line.pk}/binome/", {f"p{line.pk}-binome": binome.pk, f"p{line.pk}-meeting_on": meeting}
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.binome, line.binome_meeting_on, line.paired_by) == (binome, meeting, team_member)
    assert Notification.objects.filter(recipient=resident, kind="binome_paired").exists()
    email = OutgoingEmail.objects.get(recipient=resident)
    assert "Josiane" not in email.body
    # The companion sees the first name, the offer and the date; not the contact.
    page = client_for(resident).get(f"/orientation/offres/{line.pk}/").content.decode()
    assert "Josiane" in page and "Jardinage collectif du samedi" in page
    assert "06 12 34 56 78" not in page and "Venue ?" not in page


def test_volunteering_needs_the_agreement_and_a_confirmed_address(client_for, resident, unverified):
    assert client_for(resident).post("/orientation/binome/", {"neighbourhood": "Centre"}).status_code == 400
    assert not Binome.objects.exists()
    with pytest.raises(PermissionDenied):
        services.binome_volunteer(actor=unverified)
    with pytest.raises(InvalidInput):
        services.binome_volunteer(actor=resident, neighbourhood="x" * 121)


def test_a_companion_withdraws_and_their_pairings_lose_them(resident, connector, line):
    binome = services.binome_volunteer(actor=resident)
    services.binome_pair(actor=connector, line=line, binome_id=binome.pk)
    services.binome_withdraw(actor=resident)
    line.refresh_from_db()
    assert line.binome is None and not Binome.objects.exists()
    with pytest.raises(InvalidState):
        services.binome_withdraw(actor=resident)


@pytest.mark.parametrize(
    ("binome_id", "meeting_on", "error"),
    [
        (999999, None, NotFound),
        ("1", None, InvalidInput),
        (None, timezone.localdate() - dt.timedelta(days=1), None),  # no companion: the date is dropped
        ("own", timezone.localdate() - dt.timedelta(days=1), InvalidInput),
        ("own", "2030-01-01", InvalidInput),
    ],
)
def test_bad_pairings_are_refused(resident, connector, line, binome_id, meeting_on, error):
    binome = services.binome_volunteer(actor=resident)
    binome_id = binome.pk if binome_id == "own" else binome_id
    if error is None:
        services.binome_pair(actor=connector, line=line, binome_id=binome_id, meeting_on=None)
        return
    with pytest.raises(error):
        services.binome_pair(actor=connector, line=line, binome_id=binome_id, meeting_on=meeting_on)
    line.refresh_from_db()
    assert line.binome is None


def test_the_first_visit_is_at_most_six_months_ahead(client_for, resident, connector, team_member, line):
    from orientation.services.common import add_months

    binome = services.binome_volunteer(actor=resident)
    today = timezone.localdate()
    with pytest.raises(InvalidInput) as error:
        services.binome_pair(
            actor=connector, line=line, binome_id=binome.pk, meeting_on=add_months(today, 6) + dt.timedelta(days=1)
        )
    assert error.value.code == "BAD_DATE"
    line.refresh_from_db()
    assert line.binome is None
    response = client_for(team_member).post(
        f"/orientation/offres/{line.pk}/binome/",
        {f"p{line.pk}-binome": binome.pk, f"p{line.pk}-meeting_on": today.replace(year=today.year + 1)},
        follow=True,
    )
    assert "La première visite a lieu dans les 6 mois" in response.content.decode()
    line.refresh_from_db()
    assert line.binome is None
    services.binome_pair(actor=connector, line=line, binome_id=binome.pk, meeting_on=add_months(today, 6))
    line.refresh_from_db()
    assert line.binome_meeting_on == add_months(today, 6)


def test_no_companion_after_the_person_came(resident, connector, team_member, line):
    binome = services.binome_volunteer(actor=resident)
    services.attendance_mark(actor=team_member, line=line, outcome="came", on=timezone.localdate())
    with pytest.raises(InvalidState):
        services.binome_pair(actor=connector, line=line, binome_id=binome.pk)


def test_a_deleted_account_is_not_a_companion(resident, connector, line):
    binome = services.binome_volunteer(actor=resident)
    resident.is_active = False
    resident.save()
    with pytest.raises(NotFound):
        services.binome_pair(actor=connector, line=line, binome_id=binome.pk)
    assert ReferralOffer.objects.get().binome is None


def test_withdrawing_the_offer_tells_who_waits_for_the_person(
    client, client_for, resident, team_member, connector, refer, make_offer, association
):
    from offres.services import offer_transition

    other = make_offer(title="Chorale du mardi", organisation=association)
    waiting, token = refer(offers=None)
    companion = services.binome_volunteer(actor=resident)
    line = waiting.lines.select_related("offer", "referral").get()
    services.binome_pair(actor=team_member, line=line, binome_id=companion.pk, meeting_on=timezone.localdate())
    for came in refer(first_name="Lucien", offers=[line.offer, other])[0].lines.all():
        services.attendance_mark(actor=team_member, line=came, outcome="came", on=timezone.localdate())
    Notification.objects.all().delete()

    offer_transition(offer=line.offer, name="withdraw", actor=team_member, reason="Le jardin ferme pour l’hiver.")

    told = Notification.objects.filter(kind="referral_offer_withdrawn")
    assert sorted(told.values_list("recipient", "target_id")) == sorted(
        [(connector.pk, line.pk), (resident.pk, line.pk)]
    )
    assert all("Josiane" not in email.body + email.subject for email in OutgoingEmail.objects.all())
    # The person's page still shows the activity, said to be no longer offered, without a dead link.
    page = client.get(f"/orientation/ma-demarche/{token}/").content.decode()
    assert "Plus proposée" in page and f'href="/offres/{line.offer_id}/"' not in page
    # Nothing is said when everyone referred to the offer has already come.
    offer_transition(offer=other, name="withdraw", actor=team_member, reason="Fin de la chorale.")
    assert told.count() == 2


def test_nobody_is_asked_to_come_along_to_a_withdrawn_activity(client_for, resident, team_member, connector, line):
    from offres.services import offer_transition

    companion = services.binome_volunteer(actor=resident)
    offer_transition(offer=line.offer, name="withdraw", actor=team_member, reason="Le jardin ferme.")
    line.refresh_from_db()

    page = client_for(connector).get(f"/orientation/{line.referral_id}/").content.decode()
    assert f"/orientation/offres/{line.pk}/binome/" not in page
    with pytest.raises(InvalidState) as error:
        services.binome_pair(actor=connector, line=line, binome_id=companion.pk, meeting_on=timezone.localdate())
    assert error.value.code == "OFFER_WITHDRAWN"
    line.refresh_from_db()
    assert line.binome is None and not Notification.objects.filter(kind="binome_paired").exists()

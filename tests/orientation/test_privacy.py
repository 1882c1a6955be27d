"""The account export and deletion of the people around a referral: a connector, the offer's
team, a companion. The referred people's data never leave in someone else's export."""

import json

from django.utils import timezone

from accounts.services import account_delete, account_export
from orientation import services
from orientation.models import Binome, Referral, ReferralOffer


def test_a_connectors_export_holds_what_they_did_not_the_peoples_data(refer, connector):
    refer(first_name="Josiane", contact="josiane@example.net")
    data = account_export(actor=connector, user=connector)["orientation"]
    assert len(data["referrals_made"]) == 1
    assert data["referrals_made"][0]["offers"] == ["Jardinage collectif du samedi"]
    dumped = json.dumps(data)
    assert "Josiane" not in dumped and "josiane@example.net" not in dumped


def test_the_account_page_export_works(client_for, refer, connector):
    refer()
    response = client_for(connector).get("/compte/mes-donnees.json")
    assert response.status_code == 200
    assert "Josiane" not in response.content.decode()


def test_a_companions_export_and_deletion(resident, connector, line):
    binome = services.binome_volunteer(actor=resident, neighbourhood="Centre")
    services.binome_pair(actor=connector, line=line, binome_id=binome.pk, meeting_on=timezone.localdate())
    data = account_export(actor=resident, user=resident)["orientation"]
    assert data["volunteer_companion"]["neighbourhood"] == "Centre"
    assert data["volunteer_companion"]["first_visits"][0]["offer"] == "Jardinage collectif du samedi"
    assert "Josiane" not in json.dumps(data)
    account_delete(actor=resident, user=resident)
    assert not Binome.objects.exists()
    line.refresh_from_db()
    assert line.binome is None and line.binome_meeting_on is None


def test_deleting_a_connectors_account_keeps_the_referral_for_the_person(client, refer, connector, team_member):
    referral, token = refer()
    services.attendance_mark(actor=team_member, line=referral.lines.get(), outcome="came", on=timezone.localdate())
    account_delete(actor=connector, user=connector)
    referral.refresh_from_db()
    assert referral.connector is None and referral.first_name == "Josiane"
    # The person still sees and may delete it; the team still sees its line.
    assert client.get(f"/orientation/ma-demarche/{token}/").status_code == 200
    account_delete(actor=team_member, user=team_member)
    assert ReferralOffer.objects.get().attendance_by is None
    assert Referral.objects.count() == 1


def test_a_fresh_account_exports_nothing_here(resident):
    data = account_export(actor=resident, user=resident)["orientation"]
    assert data == {
        "referrals_made": [],
        "follow_ups_recorded": [],
        "attendance_marked": [],
        "volunteer_companion": None,
    }

"""Account export and deletion: debates data."""

import uuid

from debates import privacy, services
from debates.models import Message, Participation, Report


def test_export_holds_only_the_users_own_messages_and_reports(debate, resident, other_resident, joined):
    joined(resident)
    joined(other_resident)
    mine = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Le mien").message
    services.message_post(actor=other_resident, debate=debate, client_id=uuid.uuid4(), body="Pas le mien")
    services.report_create(actor=resident, debate=debate, message_id=mine.pk + 1, reason="spam", detail="Pub")
    data = privacy.export_user_data(user=resident)
    assert [m["body"] for m in data["messages"]] == ["Le mien"]
    assert [(r["reason"], r["detail"]) for r in data["reports"]] == [("spam", "Pub")]
    assert data["participations"][0]["charter_accepted_at"]


def test_erase_keeps_public_messages_and_removes_what_was_never_public(debate, resident, other_resident, joined):
    joined(resident)
    joined(other_resident)
    public = services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Public").message
    Message.objects.create(debate=debate, author=resident, body="Retenu", body_html="Retenu", state=Message.State.HELD)
    other = services.message_post(actor=other_resident, debate=debate, client_id=uuid.uuid4(), body="Autre").message
    services.report_create(actor=resident, debate=debate, message_id=other.pk, reason="other", detail="Mon avis")
    services.debate_follow(actor=resident, debate=debate, follow=True)
    privacy.erase_user_data(user=resident)
    assert list(Message.objects.filter(author=resident).values_list("pk", flat=True)) == [public.pk]
    assert Report.objects.get(reporter=resident).detail == ""
    assert Participation.objects.get(user=resident, debate=debate).following is False

"""Export and erasure of a person's pact data with their account."""

from accounts.services import account_delete, account_export
from pactes.models import Comment, JoinRequest, Pact
from pactes.services import comment_post, join_request_create


def test_export_contains_own_comments_and_requests_only(people, make_pact, make_user):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = pact.versions.get().clauses.first()
    comment_post(actor=people.resident, pact=pact, version_number=1, clause_id=clause.pk, body="Mon avis")
    comment_post(actor=people.other_party, pact=pact, version_number=1, clause_id=clause.pk, body="Avis d’autrui")
    join_request_create(actor=people.resident, pact=pact, message="Je peux aider")
    data = account_export(actor=people.resident, user=people.resident)["pactes"]
    assert [c["body"] for c in data["comments"]] == ["Mon avis"]
    assert [r["message"] for r in data["join_requests"]] == ["Je peux aider"]


def test_deleting_an_account_keeps_public_comments_and_removes_drafts_and_requests(people, make_pact):
    pact = make_pact(status=Pact.Status.CONSULTATION)
    clause = pact.versions.get().clauses.first()
    comment_post(actor=people.resident, pact=pact, version_number=1, clause_id=clause.pk, body="Mon avis")
    join_request_create(actor=people.resident, pact=pact, message="Je peux aider")
    draft = make_pact(status=Pact.Status.DRAFT, title="Mon brouillon")
    Pact.objects.filter(pk=draft.pk).update(created_by=people.resident)
    account_delete(actor=people.resident, user=people.resident)
    assert Comment.objects.get().author.public_name == "participant supprimé"
    assert not JoinRequest.objects.exists()
    assert not Pact.objects.filter(pk=draft.pk).exists()
    assert Pact.objects.filter(pk=pact.pk).exists()

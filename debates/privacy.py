"""Personal data of the debates app, for the account export and the account deletion."""

from debates.models import Message, Participation, Report


def export_user_data(*, user) -> dict:
    """What this person wrote and did in debates (only their own data)."""
    return {
        "participations": [
            {
                "debate": p.debate.title,
                "charter_accepted_at": p.charter_accepted_at.isoformat() if p.charter_accepted_at else None,
                "following": p.following,
                "muted_until": p.muted_until.isoformat() if p.muted_until else None,
                "mute_reason": p.mute_reason or None,
                "spoken_count": p.spoken_count,
            }
            for p in Participation.objects.filter(user=user).select_related("debate").order_by("pk")
        ],
        "messages": [
            {
                "debate": m.debate.title,
                "created_at": m.created_at.isoformat(),
                "body": m.body,
                "reformulation": m.reformulation,
                "state": m.state,
                "reason": m.reason or None,
            }
            for m in Message.objects.filter(author=user).select_related("debate").order_by("pk")
        ],
        "reports": [
            {"message_id": r.message_id, "reason": r.reason, "detail": r.detail, "created_at": r.created_at.isoformat()}
            for r in Report.objects.filter(reporter=user).order_by("pk")
        ],
    }


def erase_user_data(*, user) -> None:
    """Published messages stay (they are part of a public debate and now read "participant
    supprimé"); what was never public goes: held or refused messages, the details written in
    reports, follows and raised hands."""
    Message.objects.filter(author=user, state__in=[Message.State.HELD, Message.State.REJECTED]).delete()
    Report.objects.filter(reporter=user).update(detail="")
    Participation.objects.filter(user=user).update(following=False, hand_raised_at=None)

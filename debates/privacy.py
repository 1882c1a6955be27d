"""Personal data of the debates app, for the account export and the account deletion."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from debates.models import Message, Participation, Report, RoomEvent


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
    _erase_name_from_room_logs(user)
    Message.objects.filter(author=user, state__in=[Message.State.HELD, Message.State.REJECTED]).delete()
    Report.objects.filter(reporter=user).update(detail="")
    Participation.objects.filter(user=user).update(following=False, hand_raised_at=None)


def _erase_name_from_room_logs(user) -> None:
    """The room logs replay frames as they were sent, with the names they carried (authors,
    the speaking queue, the floor): the person's name is replaced there, so that no replay
    shows it again."""
    debate_ids = set(Participation.objects.filter(user=user).values_list("debate_id", flat=True))
    debate_ids |= set(Message.objects.filter(author=user).values_list("debate_id", flat=True))
    if not debate_ids:
        return
    with translation.override(settings.LANGUAGE_CODE):
        label = str(_("deleted participant"))
    changed = []
    for event in RoomEvent.objects.filter(debate_id__in=debate_ids).only("pk", "payload").iterator():
        if _rename(event.payload, user.pk, label):
            changed.append(event)
    RoomEvent.objects.bulk_update(changed, ["payload"], batch_size=500)


def _rename(value, user_id: int, label: str, *, author: bool = False) -> bool:
    """Replace ``display_name`` in every part of a frame that names ``user_id``."""
    found = False
    if isinstance(value, dict):
        who = value.get("id") if author else value.get("user_id")
        if who == user_id and "display_name" in value:
            value["display_name"] = label
            found = True
        for key, item in value.items():
            if isinstance(item, dict | list):
                found |= _rename(item, user_id, label, author=key == "author")
    elif isinstance(value, list):
        for item in value:
            found |= _rename(item, user_id, label)
    return found

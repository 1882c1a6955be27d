"""Personal data of the notifications app, for the account export and deletion."""

from notifications import render
from notifications.models import Follow, Notification, OutgoingEmail, Preference
from notifications.selectors import with_targets


def export_user_data(*, user) -> dict:
    notifications = with_targets(list(Notification.objects.filter(recipient=user).select_related("actor")))
    return {
        "notifications": [
            {
                "kind": n.kind,
                "text": render.sentence(n),
                "link": render.link(n) or None,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "email": n.delivery,
            }
            for n in notifications
        ],
        "email_choices": dict(Preference.objects.filter(user=user).order_by("kind").values_list("kind", "delivery")),
        "follows": [
            {"object": f"{f.target_type.app_label}.{f.target_type.model}", "id": f.target_id}
            for f in Follow.objects.filter(user=user).select_related("target_type").order_by("pk")
        ],
    }


def erase_user_data(*, user) -> None:
    """Notifications, choices and follows are the person's own: they go. E-mails not sent yet
    would go to an address being erased: they go too."""
    Notification.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    OutgoingEmail.objects.filter(recipient=user, status=OutgoingEmail.Status.PENDING).delete()
    OutgoingEmail.objects.filter(recipient=user).update(to="deleted@invalid", body="", recipient=None)

"""How a notification reads: its sentence and link in the site, its e-mail, and the signed
unsubscribe link that e-mail carries."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications import registry
from notifications.models import Notification

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
# In an unsubscribe token, this "kind" stands for every kind sent in a digest of that frequency.
DIGEST_PREFIX = "digest:"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def target_label(notification: Notification) -> str:
    content_type = ContentType.objects.get_for_id(notification.target_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def sentence(notification: Notification) -> str:
    """The notification in words, in the active language."""
    spec = registry.KINDS.get(notification.kind)
    obj = notification.target
    target = registry.target_for_label(target_label(notification))
    title = target.title(obj) if (obj is not None and target is not None) else _("a deleted item")
    actor = notification.actor.public_name if notification.actor_id and notification.actor else _("The platform")
    if spec is None:
        return title
    data = notification.data or {}
    values = {str(key): _written(str(key), value) for key, value in data.items()}
    text = spec.text(data) if callable(spec.text) else spec.text
    try:
        return str(text) % {**values, "actor": actor, "object": title}
    except (KeyError, ValueError, TypeError):
        return title


def _written(key: str, value):
    if key.endswith("_on") and isinstance(value, str):
        try:
            return date_format(datetime.date.fromisoformat(value), "j F Y")
        except ValueError:
            return value
    return value


def link(notification: Notification) -> str:
    """The path of the object, or "" when it no longer exists."""
    obj = notification.target
    target = registry.target_for_label(target_label(notification))
    if obj is None or target is None:
        return ""
    return target.url(obj)


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps([user_id, kind], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        user_id, kind = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or not isinstance(kind, str):
        return None
    return user_id, kind


def unsubscribe_url(user_id: int, kind: str) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user_id, kind)]))


def unsubscribe_headers(url: str) -> dict:
    """RFC 2369 and RFC 8058: a mail client may unsubscribe with one POST, without logging in."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def email_for(notification: Notification) -> dict:
    """Subject, body and headers of the e-mail of one notification, in its recipient's language."""
    user = notification.recipient
    spec = registry.kind(notification.kind)
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        path = link(notification)
        unsubscribe = unsubscribe_url(user.pk, notification.kind)
        context = {
            "user": user,
            "notification": notification,
            "text": sentence(notification),
            "data": notification.data or {},
            "url": absolute(path) if path else absolute(reverse("notifications:list")),
            "kind_label": spec.label,
            "unsubscribe_url": unsubscribe,
            "preferences_url": absolute(reverse("notification_preferences")),
        }
        template = "notifications/email/notification"
        if spec.email_template:
            template = spec.email_template
            context.update(spec.email_context(notification) if spec.email_context else {})
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
        if spec.email_template:
            body += render_to_string("notifications/email/footer.txt", context)
    headers = unsubscribe_headers(unsubscribe)
    if spec.email_headers:
        headers.update(spec.email_headers(notification))
    return {"subject": subject, "body": body, "headers": headers}

"""What can be notified, declared by the apps that notify.

This app sits right above accounts: it never imports debates, moderation or pactes. Each of
them declares, in its ``notices.py`` (imported by ``NotificationsConfig.ready``), its kinds of
notification and, for each model a notification may point to, how to name it, link to it and
who may see it. ``notify`` asks that last question again for every recipient, so that a
mistake in a caller never tells a non-party that a private draft exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils.functional import Promise

from notifications.models import Delivery


@dataclass(frozen=True)
class Kind:
    code: str
    # Shown on the preferences page, and grouped under ``group`` there.
    label: Promise
    group: Promise
    # The sentence, with ``%(actor)s``, ``%(object)s`` and any key of the notification's data
    # (a key ending in ``_on`` holds an ISO date, written out in the reader's language); or a
    # function of the data that returns such a sentence.
    text: Promise | Callable[[dict], Promise | str]
    default: str = Delivery.IMMEDIATE
    # Optional own e-mail: "<template>_subject.txt" and "<template>_body.txt", with the context
    # ``email_context(notification)`` adds to the standard one.
    email_template: str = ""
    email_context: Callable | None = None
    email_headers: Callable | None = None


@dataclass(frozen=True)
class Target:
    title: Callable[[Model], str]
    url: Callable[[Model], str]
    visible: Callable[[object, Model], bool]
    # The queryset the inbox loads these objects with (select_related of what ``title`` reads).
    queryset: Callable[[], QuerySet] | None = None
    followable: bool = False
    # Whether to offer the Follow button to this person (those told anyway need none).
    follow_offered: Callable[[object, Model], bool] | None = None


KINDS: dict[str, Kind] = {}
TARGETS: dict[str, Target] = {}


def register_kind(code: str, **options) -> Kind:
    if options.get("default", Delivery.IMMEDIATE) not in Delivery.values:
        raise ValueError(f"unknown default delivery for {code}")
    KINDS[code] = Kind(code=code, **options)
    return KINDS[code]


def register_target(model: type[Model], **options) -> Target:
    TARGETS[model._meta.label_lower] = Target(**options)
    return TARGETS[model._meta.label_lower]


def kind(code: str) -> Kind:
    try:
        return KINDS[code]
    except KeyError:
        raise LookupError(f"unknown notification kind {code!r}") from None


def target_of(obj: Model) -> Target:
    try:
        return TARGETS[obj._meta.label_lower]
    except KeyError:
        raise LookupError(f"{obj._meta.label} is not registered as a notification target") from None


def target_for_label(label: str) -> Target | None:
    return TARGETS.get(label)

"""E-mails to people, in their own language, sent by a Celery task after the transaction commits."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def send_to_user(*, user, template: str, context: dict) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in the user's language and
    queue the e-mail once the current transaction commits (never for a deleted account)."""
    if not user.is_active or user.deleted_at or not user.email:
        return
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", {**context, "user": user})
    send_later(to=[user.email], subject=subject, body=body)


def send_later(*, to: list[str], subject: str, body: str) -> None:
    from cite.tasks import send_email

    transaction.on_commit(lambda: send_email.delay(to=to, subject=subject, body=body))

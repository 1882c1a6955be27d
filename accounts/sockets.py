"""Whether an account may still act over a live socket, and what closes its sockets.

A socket is opened with a session; everything it does later must still be allowed by that
session and that account. Pages check this on every request (the session's auth hash, the
active flag, the staff second factor); sockets check it on every acting frame, and the changes
below close the sockets at once on every process (``cite.sockets.revoke_sockets``). These
receivers are the one hook that every way of making the change goes through (allauth's views,
the Django and Wagtail admins, services).
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.crypto import constant_time_compare

from accounts.models import User
from accounts.predicates import has_staff_role, is_active_account
from cite.sockets import revoke_sockets


def lacks_second_factor(user) -> bool:
    """A staff account without the TOTP second factor that MFA_REQUIRED_FOR_STAFF demands."""
    if not settings.MFA_REQUIRED_FOR_STAFF or not has_staff_role(user):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def socket_account(*, user_id: int, session_key: str | None) -> User | None:
    """The account, fresh from the database, if the socket's session still logs it in and it may
    still act: session present and for this account, password unchanged since (auth hash),
    account active and not deleted, second factor set up when staff must have one."""
    if not session_key:
        return None
    session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    if str(session.get(SESSION_KEY)) != str(user_id):
        return None
    user = User.objects.filter(pk=user_id).first()
    if user is None or not is_active_account(user):
        return None
    if not constant_time_compare(session.get(HASH_SESSION_KEY) or "", user.get_session_auth_hash()):
        return None
    if lacks_second_factor(user):
        return None
    return user


@receiver(user_logged_out, dispatch_uid="accounts.sockets.logged_out")
def _close_sockets_of_the_session(sender, request, user, **kwargs):
    if user is None:
        return
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    user_id = user.pk
    transaction.on_commit(lambda: revoke_sockets(user_id=user_id, session_key=session_key))


@receiver(post_save, sender=User, dispatch_uid="accounts.sockets.deactivated")
def _close_sockets_of_an_inactive_account(sender, instance, **kwargs):
    # Deactivated in an admin, or deleted (account_delete clears the flag too).
    if not instance.is_active or instance.deleted_at:
        user_id = instance.pk
        transaction.on_commit(lambda: revoke_sockets(user_id=user_id))


def _connect_second_factor_removal():
    from allauth.mfa.signals import authenticator_removed

    @receiver(authenticator_removed, dispatch_uid="accounts.sockets.authenticator_removed")
    def _close_sockets_without_second_factor(sender, request, user, authenticator, **kwargs):
        user_id = user.pk
        transaction.on_commit(lambda: revoke_sockets(user_id=user_id) if lacks_second_factor(user) else None)


_connect_second_factor_removal()

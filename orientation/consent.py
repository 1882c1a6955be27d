"""The words a connector reads to the person before referring them, and the private link that
lets the person see and delete their referral without an account."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext

LINK_SALT = "orientation.referral.link"


def consent_text(*, organisation_name: str) -> str:
    """The consent sentence, in the active language; the form shows it and the referral keeps it."""
    return gettext(
        "I agree that %(organisation)s records my first name (or a pseudonym) and, if I wish, a "
        "way to reach me that I choose, to refer me to the activities below. The team of each "
        "activity receives them to welcome me and notes whether I came; if a volunteer comes along "
        "with me the first time, they know only my first name and the day; my connector will ask me "
        "how it goes after 1 and 3 months. Nothing about my health or my situation is recorded. "
        "With the private link I am given, I can see and delete this referral at any time. "
        "Otherwise it is erased %(months)s months after the last follow-up."
    ) % {"organisation": organisation_name, "months": settings.ORIENTATION_RETENTION_MONTHS}


def new_secret() -> tuple[str, str]:
    """A fresh secret and its SHA-256 (only the hash is stored)."""
    # 128 random bits: unguessable, and a link short enough for a text message and a QR code.
    secret = secrets.token_urlsafe(16)
    return secret, hash_secret(secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def make_token(referral_id: int, secret: str) -> str:
    """``<id>.<secret>:<signature>``: signed with the site's key, so that a link is checked
    before any database read."""
    return signing.Signer(salt=LINK_SALT).sign(f"{referral_id}.{secret}")


def read_token(token: str) -> tuple[int, str] | None:
    """The referral id and secret of a link, or ``None`` for anything forged, cut or malformed."""
    if not isinstance(token, str) or len(token) > 200:
        return None
    try:
        value = signing.Signer(salt=LINK_SALT).unsign(token)
    except signing.BadSignature:
        return None
    referral_id, _dot, secret = value.partition(".")
    if not referral_id.isdigit() or not secret or len(referral_id) > 12:
        return None
    return int(referral_id), secret


def secret_matches(secret: str, stored_hash: str) -> bool:
    return bool(stored_hash) and hmac.compare_digest(hash_secret(secret), stored_hash)

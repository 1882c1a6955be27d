"""Predicates about accounts, shared by every app's rules."""

import rules
from allauth.account.models import EmailAddress

from accounts.roles import STAFF_ROLES, Role


@rules.predicate
def is_active_account(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and not user.deleted_at)


@rules.predicate
def has_verified_email(user) -> bool:
    """True once the account's address is confirmed. Cached on the user for the request."""
    if not is_active_account(user):
        return False
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
        user._has_verified_email = cached
    return cached


def _has_role(role: str):
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        return is_active_account(user) and role in role_names(user)

    return predicate


def role_names(user) -> frozenset[str]:
    """The platform roles of an account (one query, cached on the user)."""
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
        user._role_names = cached
    return cached


is_superuser = rules.is_superuser
is_facilitator = _has_role(Role.FACILITATOR)
is_city_agent = _has_role(Role.CITY_AGENT)
is_elected_official = _has_role(Role.ELECTED_OFFICIAL)
is_editor = _has_role(Role.EDITOR)
is_connector = _has_role(Role.CONNECTOR)

# A resident is anyone with an active account; taking part also needs a verified address.
is_resident = is_active_account
can_take_part = is_active_account & has_verified_email


@rules.predicate
def has_staff_role(user) -> bool:
    return is_active_account(user) and (user.is_superuser or bool(role_names(user) & STAFF_ROLES))


@rules.predicate
def is_self(user, other) -> bool:
    return bool(other is not None and is_active_account(user) and user.pk == other.pk)


@rules.predicate
def is_organisation_member(user, organisation) -> bool:
    if organisation is None or not is_active_account(user):
        return False
    return organisation.memberships.filter(user=user).exists()


@rules.predicate
def is_organisation_representative(user, organisation) -> bool:
    if organisation is None or not is_active_account(user):
        return False
    return organisation.memberships.filter(user=user, role="representative").exists()

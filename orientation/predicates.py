"""django-rules predicates about referrals. Each takes ``(user, obj)`` and handles ``None``.

Who sees a referral is deliberately narrow (docs/orientation.md):
- the connector who made it (while they hold the connector role), and nobody else of their
  organisation;
- for one referred offer, the representatives of the organisation that runs the offer — not
  every city agent, although city agents manage every offer of the directory: a referral is a
  person's data, not the directory's;
- the volunteer companion paired to that offer, who sees the first name, the offer and the date;
- superusers only through one of these roles.
An erased referral (retention limit) is nobody's to see.
"""

import rules

from accounts.models import Membership
from accounts.predicates import is_active_account, is_connector
from offres.predicates import represented_organisation_ids


@rules.predicate
def has_connector_organisation(user) -> bool:
    """A connector refers on behalf of a structure: they must belong to one."""
    if not is_active_account(user):
        return False
    return Membership.objects.filter(user=user).exists()


@rules.predicate
def is_referral_connector(user, referral) -> bool:
    return bool(
        referral is not None
        and referral.erased_at is None
        and is_active_account(user)
        and referral.connector_id == user.pk
    )


@rules.predicate
def is_line_connector(user, line) -> bool:
    return line is not None and is_referral_connector(user, line.referral)


@rules.predicate
def is_line_recipient(user, line) -> bool:
    """A representative of the organisation that runs the referred offer."""
    if line is None or line.referral.erased_at is not None:
        return False
    organisation_id = line.offer.organisation_id
    return organisation_id is not None and organisation_id in represented_organisation_ids(user)


@rules.predicate
def is_line_binome(user, line) -> bool:
    if line is None or line.binome_id is None or line.referral.erased_at is not None:
        return False
    return is_active_account(user) and line.binome.user_id == user.pk


@rules.predicate
def is_follow_up_connector(user, follow_up) -> bool:
    return follow_up is not None and is_line_connector(user, follow_up.line)


connector = is_active_account & is_connector

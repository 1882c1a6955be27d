"""Reports by participants, and the automatic hide once enough distinct people reported."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from cite.errors import PermissionDenied
from debates import services as rooms
from debates.models import Debate, Message, Participation, Report
from debates.services import debate_profile

from .. import events, reasons
from ..exclusion import is_exclusion
from ..log import action_record
from ..models import ModerationAction
from .common import message_of


def report_submit(*, actor: User, message_id: int, reason: str, detail: str = "") -> Report:
    """A participant reports a published message. When ``profile.report_hide_threshold``
    distinct participants have reported it, the message is hidden automatically behind a
    tombstone until a facilitator decides (keep it hidden, or publish it again).

    The debate row is locked first, as every room service does, so that two last reports
    arriving together hide the message once.
    """
    message = message_of(message_id)
    debate = message.debate
    with transaction.atomic():
        Debate.objects.select_for_update().get(pk=debate.pk)
        # Someone excluded from a debate takes no further part in it, reports included.
        muted_until = (
            Participation.objects.filter(debate=debate, user_id=getattr(actor, "pk", None))
            .values_list("muted_until", flat=True)
            .first()
        )
        if is_exclusion(muted_until):
            raise PermissionDenied(_("You have been excluded from this debate."), code="EXCLUDED")
        report = rooms.report_create(actor=actor, debate=debate, message_id=message.pk, reason=reason, detail=detail)
        threshold = debate_profile(debate).report_hide_threshold
        codes = list(_reports_since_decision(message).values_list("reason", flat=True))
        if len(codes) >= threshold and message.state == Message.State.PUBLISHED:
            _hide_automatically(message, codes)
        transaction.on_commit(lambda: events.queue_changed(debate.pk))
    return report


def _reports_since_decision(message: Message):
    """The message's reports made after the last decision a person took on it (publish again,
    keep published, approve...): reports a facilitator already judged do not count twice."""
    decided_at = (
        ModerationAction.objects.filter(message=message, automatic=False)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    reports = Report.objects.filter(message=message)
    return reports.filter(created_at__gt=decided_at) if decided_at else reports


def _hide_automatically(message: Message, codes: list[str]) -> ModerationAction:
    # The most frequent reason names the hide in the register; the tombstone says what happened.
    code = Counter(codes).most_common(1)[0][0]
    with translation.override(settings.LANGUAGE_CODE):
        text = ngettext(
            "Hidden automatically after reports from %(count)d participant, until a facilitator decides.",
            "Hidden automatically after reports from %(count)d participants, until a facilitator decides.",
            len(codes),
        ) % {"count": len(codes)}
        text = _("%(text)s Main reason: %(reason)s.") % {"text": text, "reason": reasons.label(code)}
    rooms.message_hide(
        actor=None, debate=message.debate, message_id=message.pk, reason=text, by=Message.HiddenBy.AUTOMATIC
    )
    first = _reports_since_decision(message).order_by("created_at").values_list("created_at", flat=True).first()
    action = action_record(
        kind=ModerationAction.Kind.HIDE,
        debate=message.debate,
        message=message,
        rule=reasons.AUTOMATIC_REPORTS,
        reason_code=code,
        reason=text,
        pending_since=first,
    )
    return action

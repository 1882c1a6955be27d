"""Links: more than a few in one message, or any in a participant's first messages, wait for a
facilitator (spam and phishing arrive that way). Links are found with the same pattern that
turns them into anchors when the message is published (bleach's linkifier)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bleach.linkifier import URL_RE
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..pipeline import MessageContext, Verdict
from .nudges import decision_param, is_trusted, verdict

NAME = "links"
# Every link the linkifier finds has a dot between a letter or digit and a letter; prose rarely
# does ("fin. Puis" has a space). This cheap test spares most messages the linkifier's pattern.
_MAYBE_LINK_RE = re.compile(r"[\w-]\.[^\W\d_]")
DEFAULTS = {"max_links": 2, "first_messages": 3, "decision": "hold", "allowed_domains": []}


def _domain(url: str) -> str:
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return host.lower().removeprefix("www.")


def _counted(url: str, allowed: list[str]) -> bool:
    domain = _domain(url)
    return not any(domain == a or domain.endswith("." + a) for a in allowed)


def links(context: MessageContext, params: Mapping[str, Any]) -> Verdict | None:
    body = context.body
    if not _MAYBE_LINK_RE.search(body) or is_trusted(context):
        return None
    allowed = params["allowed_domains"]
    found = [m.group() for m in URL_RE.finditer(body)]
    count = sum(1 for url in found if _counted(url, allowed))
    if not count:
        return None
    decision = decision_param(params, "decision")
    if context.published_count < params["first_messages"]:
        return verdict(
            context,
            decision,
            rule=NAME,
            code="LINK_FROM_NEWCOMER",
            explanation=lambda: _(
                "Links in a participant's first messages are checked by a facilitator before they are "
                "published. Thank you for your patience."
            ),
        )
    if count > params["max_links"]:
        return verdict(
            context,
            decision,
            rule=NAME,
            code="TOO_MANY_LINKS",
            explanation=lambda: (
                ngettext(
                    "A message with more than %(max)d link is checked by a facilitator before it is published.",
                    "A message with more than %(max)d links is checked by a facilitator before it is published.",
                    params["max_links"],
                )
                % {"max": params["max_links"]}
            ),
        )
    return None

"""What volunteering tells people (the notifications app's kinds and targets), and who is told.

The organisers of a call are the representatives of the organisation that runs its offer, or
of the parties to its pact (person parties themselves), and whoever published it; ``notify``
asks again, for each of them, whether they may see the answer (``benevolat.view_answer``).
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User
from benevolat.models import Answer, Call
from notifications import registry
from notifications.services import notify
from pactes.models import Party
from pactes.predicates import allowed

GROUP = _("Volunteering")

registry.register_target(
    Call,
    title=lambda call: call.title,
    url=lambda call: call.get_absolute_url(),
    visible=lambda user, call: allowed(user, "benevolat.view_call", call),
    queryset=lambda: Call.objects.select_related("offer", "pact"),
)
registry.register_target(
    Answer,
    title=lambda answer: answer.call.title,
    url=lambda answer: answer.call.get_absolute_url(),
    visible=lambda user, answer: allowed(user, "benevolat.view_answer", answer),
    queryset=lambda: Answer.objects.select_related("call__offer", "call__pact"),
)

_kind = registry.register_kind
_kind(
    "volunteer_answered",
    group=GROUP,
    label=_("Someone offers to help on a call for volunteers I organise"),
    text=_("%(actor)s offers to help: “%(object)s”."),
)
_kind(
    "volunteer_withdrew",
    group=GROUP,
    label=_("A volunteer withdraws from a call I organise"),
    text=_("%(actor)s withdraws from “%(object)s”."),
)
_kind(
    "volunteer_decided",
    group=GROUP,
    label=_("The organisers answer my offer to help"),
    text=lambda data: (
        _("Your offer to help is accepted: “%(object)s”.")
        if data.get("accepted")
        else _("Your offer to help is declined: “%(object)s”.")
    ),
)
_kind(
    "volunteer_call_closed",
    group=GROUP,
    label=_("A call for volunteers I answered is closed"),
    text=_("The call for volunteers “%(object)s” is closed before your offer was answered."),
)
_kind(
    "volunteer_host_withdrawn",
    group=GROUP,
    label=_("The activity of a call I answered is withdrawn"),
    text=_("The activity is withdrawn: the call for volunteers “%(object)s” is closed."),
)


def organisers(call: Call) -> list[User]:
    """Who organises ``call``: its publisher and the representatives of its host's side."""
    if call.offer_id:
        organisation_ids = [call.offer.organisation_id] if call.offer.organisation_id else []
        people = Q(pk__in=[])
    else:
        parties = Party.objects.filter(pact_id=call.pact_id).exclude(role=Party.Role.CITY)
        organisation_ids = list(parties.exclude(organisation=None).values_list("organisation_id", flat=True))
        people = Q(pact_parties__in=parties.filter(organisation=None))
    representatives = Q(
        memberships__organisation_id__in=organisation_ids, memberships__role=Membership.Role.REPRESENTATIVE
    )
    found = list(User.objects.filter(representatives | people).distinct().order_by("pk"))
    if call.created_by_id and all(user.pk != call.created_by_id for user in found):
        found.append(call.created_by)
    return found


def volunteer_answered(answer: Answer) -> None:
    notify(recipients=organisers(answer.call), kind="volunteer_answered", object=answer, actor=answer.volunteer)


def volunteer_withdrew(answer: Answer) -> None:
    notify(recipients=organisers(answer.call), kind="volunteer_withdrew", object=answer, actor=answer.volunteer)


def volunteer_decided(answer: Answer) -> None:
    notify(
        recipients=[answer.volunteer],
        kind="volunteer_decided",
        object=answer,
        actor=answer.decided_by,
        data={"accepted": answer.status == Answer.Status.ACCEPTED, "note": answer.decision_note},
    )


def call_closed(call: Call, volunteers: list[User], *, actor: User) -> None:
    notify(recipients=volunteers, kind="volunteer_call_closed", object=call, actor=actor)


def host_withdrawn(call: Call, volunteers: list[User], *, actor: User | None) -> None:
    notify(recipients=volunteers, kind="volunteer_host_withdrawn", object=call, actor=actor)

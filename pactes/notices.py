"""What pacts tell people (the notifications app's kinds and targets), and who is told.

The services call these helpers inside their transaction: one line each, so that the workflow
stays readable. Who may see a pact is asked again by ``notify`` for every recipient
(``pactes.view_pact``): a draft reaches its parties only, never a follower or an agent of
another department.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.roles import Role
from notifications import registry
from notifications.models import Delivery
from notifications.selectors import followers_of
from notifications.services import notify
from pactes.models import Comment, Commons, JoinRequest, Pact, Party, Reminder
from pactes.predicates import (
    PARTY_SIGNATORY,
    PROPONENT_SIGNATORY,
    allowed,
    is_city_staff,
    is_pact_party_member,
    party_standing,
)

GROUP = _("Collaboration pacts")


def _can_view(user, obj) -> bool:
    pact = obj if isinstance(obj, Pact) else obj.pact
    return allowed(user, "pactes.view_pact", pact)


registry.register_target(
    Pact,
    title=lambda pact: pact.title,
    url=lambda pact: pact.get_absolute_url(),
    visible=_can_view,
    followable=True,
    # The parties hear of everything that happens to their pact without following it; city
    # staff follow pacts from their dashboard (the department's agents are told as a party).
    follow_offered=lambda user, pact: not (is_pact_party_member(user, pact) or is_city_staff(user, pact)),
)
registry.register_target(
    Comment,
    title=lambda comment: comment.pact.title,
    url=lambda comment: f"{comment.pact.get_absolute_url()}#comment-{comment.pk}",
    visible=_can_view,
    queryset=lambda: Comment.objects.select_related("pact"),
)
registry.register_target(
    JoinRequest,
    title=lambda request: request.pact.title,
    url=lambda request: request.pact.get_absolute_url(),
    visible=_can_view,
    queryset=lambda: JoinRequest.objects.select_related("pact"),
)
registry.register_target(
    Commons,
    title=lambda commons: commons.name,
    url=lambda commons: commons.get_absolute_url(),
    visible=lambda user, commons: commons.is_validated,
    followable=True,
)

_kind = registry.register_kind
_kind(
    "pact_proposed",
    group=GROUP,
    label=_("A pact is proposed to my department"),
    text=_("%(actor)s proposed the pact “%(object)s”: it waits for the city’s answer."),
)
_kind(
    "pact_information_requested",
    group=GROUP,
    label=_("The city asks for information on my proposal"),
    text=_("The city asks for information on the pact “%(object)s”."),
)
_kind(
    "pact_rejected",
    group=GROUP,
    label=_("My proposal is rejected"),
    text=_("The city rejected the pact “%(object)s”."),
)
_kind(
    "pact_consultation",
    group=GROUP,
    label=_("A pact opens its public consultation"),
    text=_("The pact “%(object)s” is open to public consultation."),
)
_kind(
    "pact_co_design",
    group=GROUP,
    label=_("A pact moves to co-design"),
    text=_("The pact “%(object)s” is now in co-design."),
)
_kind(
    "pact_signing",
    group=GROUP,
    label=_("A pact is frozen for signature"),
    text=_("A version of the pact “%(object)s” is frozen for signature."),
)
_kind(
    "pact_active",
    group=GROUP,
    label=_("A pact becomes active"),
    text=_("The pact “%(object)s” is active."),
)
_kind(
    "pact_suspended",
    group=GROUP,
    label=_("A pact is suspended"),
    text=_("The pact “%(object)s” is suspended."),
)
_kind(
    "pact_ended",
    group=GROUP,
    label=_("A pact ends"),
    text=_("The pact “%(object)s” has ended."),
)
_kind(
    "pact_new_followed",
    group=GROUP,
    label=_("A new pact on an engagement or commons I follow"),
    text=_("A new pact is proposed: “%(object)s”."),
    default=Delivery.WEEKLY,
)
_kind(
    "version_to_sign",
    group=GROUP,
    label=_("A version waits for my signature"),
    text=_("Version %(number)s of the pact “%(object)s” waits for your signature."),
)
_kind(
    "clause_comment",
    group=GROUP,
    label=_("A comment on a clause of my pact"),
    text=_("%(actor)s commented on a clause of the pact “%(object)s”."),
    default=Delivery.DAILY,
)
_kind(
    "clause_answer",
    group=GROUP,
    label=_("An answer to my comment on a pact"),
    text=_("%(actor)s answered your comment on the pact “%(object)s”."),
)
_kind(
    "join_requested",
    group=GROUP,
    label=_("Someone asks to join my pact"),
    text=_("%(actor)s asks to join the pact “%(object)s”."),
)
_kind(
    "join_decided",
    group=GROUP,
    label=_("My request to join a pact is answered"),
    text=lambda data: (
        _("Your request to join the pact “%(object)s” is accepted.")
        if data.get("accepted")
        else _("Your request to join the pact “%(object)s” is declined.")
    ),
)

# The deadline reminders of deadlines.py, one kind each, with their own e-mail.
REMINDER_KINDS = {
    Reminder.Kind.CITY_ANSWER_OVERDUE: "pact_answer_overdue",
    Reminder.Kind.CONSULTATION_CLOSING: "pact_consultation_closing",
    Reminder.Kind.REPORT_SOON: "report_due",
    Reminder.Kind.REPORT_DUE: "report_overdue",
    Reminder.Kind.ENDING: "pact_ending",
}


def _reminder_context(notification) -> dict:
    from pactes.deadlines import reminder_text

    reminder = Reminder.objects.get(pk=notification.data["reminder"])
    return {"pact": notification.target, "text": reminder_text(reminder, notification.target)}


def _reminder_headers(notification) -> dict:
    # Lets mail filters (and tests) tell which deadline a message is about.
    return {"X-Pact-Reminder": notification.data["header"]}


for _code, _label, _text in [
    (
        "pact_answer_overdue",
        _("The city’s answer to a proposal is late"),
        _("The city has not answered the proposal “%(object)s” in time."),
    ),
    (
        "pact_consultation_closing",
        _("A consultation closes soon"),
        _("The consultation on the pact “%(object)s” closes on %(due_on)s."),
    ),
    (
        "report_due",
        _("A yearly report is due soon"),
        _("The yearly report of the pact “%(object)s” is due on %(due_on)s."),
    ),
    (
        "report_overdue",
        _("A yearly report is overdue"),
        _("The yearly report of the pact “%(object)s” was due on %(due_on)s and is not filed yet."),
    ),
    ("pact_ending", _("A pact ends soon"), _("The pact “%(object)s” ends on %(due_on)s.")),
]:
    _kind(
        _code,
        group=GROUP,
        label=_label,
        text=_text,
        email_template="pactes/email/reminder",
        email_context=_reminder_context,
        email_headers=_reminder_headers,
    )


# --- who is told ---------------------------------------------------------------------------------


def party_people(pact: Pact) -> list[User]:
    """Everyone who stands for a party: person parties, members of party organisations (the
    city department's agents included)."""
    parties = Party.objects.filter(pact=pact)
    return list(
        User.objects.filter(Q(pact_parties__in=parties) | Q(memberships__organisation__pact_parties__in=parties))
        .distinct()
        .order_by("pk")
    )


def department_agents(pact: Pact) -> list[User]:
    """The city agents of the department that manages the commons (or of the pact's city
    party); every city agent when that department has none."""
    agents = User.objects.filter(groups__name=Role.CITY_AGENT)
    department_ids = [pact.commons.managing_department_id] if pact.commons.managing_department_id else []
    department_ids += list(pact.parties.filter(role=Party.Role.CITY).values_list("organisation_id", flat=True))
    mine = agents.filter(memberships__organisation_id__in=department_ids).distinct() if department_ids else None
    chosen = mine if mine is not None and mine.exists() else agents.distinct()
    return list(chosen.order_by("pk"))


def signatories(pact: Pact, version) -> list[User]:
    """Who may sign ``version`` for a party other than the city (the city signs through the
    department's agents, told separately)."""
    candidates = party_people(pact)
    return [
        user for user in candidates if any(PARTY_SIGNATORY in marks for marks in party_standing(user, pact).values())
    ]


# --- what the services call ----------------------------------------------------------------------

_MOVED = {
    "consultation": "pact_consultation",
    "co_design": "pact_co_design",
    "signing": "pact_signing",
    "active": "pact_active",
    "suspended": "pact_suspended",
    "ended": "pact_ended",
    "info_requested": "pact_information_requested",
    "rejected": "pact_rejected",
}


def pact_moved(*, pact: Pact, name: str, actor=None, reason: str = "") -> None:
    """After the transition ``name`` of ``pact`` (locked, in the transition's transaction)."""
    data = {"reason": str(reason)} if reason else {}
    if name == "submit":
        notify(recipients=department_agents(pact), kind="pact_proposed", object=pact, actor=actor)
        followers = followers_of(pact.engagement, pact.commons)
        notify(recipients=followers, kind="pact_new_followed", object=pact, actor=actor)
        return
    if pact.status == Pact.Status.SUBMITTED:  # answered a request for information
        notify(recipients=department_agents(pact), kind="pact_proposed", object=pact, actor=actor)
        return
    kind = _MOVED.get(pact.status)
    if kind is None:
        return
    people = party_people(pact)
    notify(recipients=[*people, *followers_of(pact)], kind=kind, object=pact, actor=actor, data=data)
    if pact.status == Pact.Status.SIGNING and pact.frozen_version_id:
        version = pact.frozen_version
        notify(
            recipients=[*signatories(pact, version), *department_agents(pact)],
            kind="version_to_sign",
            object=pact,
            actor=actor,
            data={"number": version.number},
        )


def comment_posted(comment: Comment) -> None:
    notify(recipients=party_people(comment.pact), kind="clause_comment", object=comment, actor=comment.author)


def comment_answered(comment: Comment) -> None:
    notify(recipients=[comment.author], kind="clause_answer", object=comment, actor=comment.answered_by)


def join_requested(join_request: JoinRequest) -> None:
    pact = join_request.pact
    # Those who may decide: the proponents' signatories and the department's agents.
    proponents = [
        user
        for user in party_people(pact)
        if any(PROPONENT_SIGNATORY in marks for marks in party_standing(user, pact).values())
    ]
    notify(
        recipients=[*proponents, *department_agents(pact)],
        kind="join_requested",
        object=join_request,
        actor=join_request.user,
    )


def join_decided(join_request: JoinRequest) -> None:
    notify(
        recipients=[join_request.user],
        kind="join_decided",
        object=join_request,
        actor=join_request.decided_by,
        data={"accepted": join_request.status == JoinRequest.Status.ACCEPTED, "reason": join_request.decision_reason},
    )


def reminder_due(reminder: Reminder, pact: Pact, users: list[User]) -> None:
    notify(
        recipients=users,
        kind=REMINDER_KINDS[reminder.kind],
        object=pact,
        data={
            "reminder": reminder.pk,
            "due_on": reminder.due_on.isoformat(),
            "header": f"{pact.pk}:{reminder.kind}:{reminder.days_before}",
        },
    )

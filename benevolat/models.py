"""Calls for volunteers on offers and pacts, answers and hours given.

A call belongs to exactly one host: an offer of the directory (``offres.Offer``) or an active
collaboration pact (``pactes.Pact``). A resident answers it; the people who manage the host
accept or decline; the hours an accepted volunteer gives are recorded per date.

Statuses change only in ``benevolat.services.state`` through its ``TRANSITIONS`` tables.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.languages import current as current_language


class Call(models.Model):
    """What is asked of volunteers: what, when, for how long, how many, and what they get in return
    (a welcome, training)."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("volunteer call", "Open")
        # Every place is taken: closed to new answers until a volunteer leaves.
        FILLED = "filled", pgettext_lazy("volunteer call", "Filled")
        CLOSED = "closed", pgettext_lazy("volunteer call", "Closed")

    class Commitment(models.TextChoices):
        ONE_OFF = "one_off", pgettext_lazy("volunteer commitment", "One-off")
        REGULAR = "regular", pgettext_lazy("volunteer commitment", "Regular")

    offer = models.ForeignKey(
        "offres.Offer",
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="volunteer_calls",
    )
    pact = models.ForeignKey(
        "pactes.Pact",
        verbose_name=_("collaboration pact"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="volunteer_calls",
    )
    title = models.CharField(_("what"), max_length=160)
    description = models.TextField(_("details"), blank=True)
    # The language it was written in (docs/i18n.md): the writer's language when writing.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    schedule = models.CharField(_("when"), max_length=200)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    commitment = models.CharField(
        _("kind of commitment"), max_length=10, choices=Commitment.choices, default=Commitment.ONE_OFF
    )
    duration = models.CharField(_("how long"), max_length=200)
    places = models.PositiveSmallIntegerField(_("volunteers wanted"))
    welcome = models.TextField(_("welcome given"))
    training = models.TextField(_("training given"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("call for volunteers")
        verbose_name_plural = _("calls for volunteers")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offer__isnull=False, pact__isnull=True)
                | models.Q(offer__isnull=True, pact__isnull=False),
                name="volunteer_call_has_one_host",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="volunteer_call_ends_after_it_starts",
            ),
            models.CheckConstraint(condition=models.Q(places__gte=1), name="volunteer_call_wants_someone"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("benevolat:detail", args=[self.pk])

    @property
    def host(self):
        return self.offer if self.offer_id else self.pact

    @property
    def neighbourhood(self) -> str:
        """Where it happens: the offer's neighbourhood, or that of the pact's commons."""
        if self.offer_id:
            return self.offer.neighbourhood
        return self.pact.commons.neighbourhood


class Answer(models.Model):
    """A resident's answer to a call: « I can help ». One per person and call; a volunteer who
    withdrew may answer again (the same row goes back to pending)."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("volunteer answer", "Waiting for an answer")
        ACCEPTED = "accepted", pgettext_lazy("volunteer answer", "Accepted")
        DECLINED = "declined", pgettext_lazy("volunteer answer", "Declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("volunteer answer", "Withdrawn")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="answers")
    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_answers")
    message = models.CharField(_("message"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # Shown to the volunteer with the decision (optional).
    decision_note = models.CharField(_("note to the volunteer"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Kept when the volunteer leaves later: the indicators count who was accepted in a year.
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer to a call for volunteers")
        verbose_name_plural = _("answers to calls for volunteers")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "volunteer"], name="one_answer_per_volunteer_and_call")]

    def __str__(self) -> str:
        return f"{self.volunteer_id} → {self.call_id}"


class GivenHours(models.Model):
    """Hours an accepted volunteer gave on one date, recorded by the people who manage the call."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="hours")
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)
    # Not stored: set by ``hours_record`` on the entry it returns, what that date held before
    # (``None``: nothing), so that a correction is said as one.
    previous_hours: Decimal | None = None

    class Meta:
        verbose_name = _("hours given")
        verbose_name_plural = _("hours given")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "date"], name="one_hours_record_per_volunteer_and_date"),
            models.CheckConstraint(condition=models.Q(hours__gt=0, hours__lte=24), name="hours_given_within_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} {self.date} {self.hours}"

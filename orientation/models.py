"""Referrals of people to offers by connectors (social prescribing, engagement 6).

A connector (a health or social worker of the CCAS, a health centre, an association) refers a
person to one or more offers, with the person's consent and the least data: a first name or a
pseudonym, a contact the person chose (optional), the offers, the date. There is deliberately
no free-text « reason »: it would invite health data (docs/orientation.md).

- ``Referral``: the person's record (what the connector wrote, the consent, the private link).
- ``ReferralOffer``: one offer of a referral: what the offer's team sees, whether the person came,
  the volunteer who comes along the first time.
- ``FollowUp``: the connector's follow-up of one offer at 1 and 3 months.
- ``Binome``: a resident who volunteered to come along with someone the first time.

Only the app's services change these rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.languages import current as current_language

FIRST_NAME_MAX = 40
CONTACT_MAX = 120
MAX_OFFERS = 5


class Binome(models.Model):
    """A resident who agreed to come along, the first time, with someone a connector referred."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="binome")
    # Where they would rather come along (free, short; optional): helps the pairing.
    neighbourhood = models.CharField(_("neighbourhood"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("volunteered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer companion")
        verbose_name_plural = _("volunteer companions")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.user.public_name


class Referral(models.Model):
    connector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("connector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals_made",
    )
    # The connector's structure when they referred (CCAS, health centre, association).
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    first_name = models.CharField(_("first name or pseudonym"), max_length=FIRST_NAME_MAX, blank=True)
    contact = models.CharField(_("contact chosen by the person"), max_length=CONTACT_MAX, blank=True)
    # The words the connector read to the person, as they were then, and when they agreed.
    consent_text = models.TextField(_("consent read to the person"))
    consented_at = models.DateTimeField(_("consent given at"))
    # The language the consent was read in (docs/i18n.md): the connector's when recording.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    # SHA-256 of the secret in the person's private link; empty: no link opens the referral.
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("referred at"), auto_now_add=True, db_index=True)
    # Set when the retention limit erased the personal fields: what stays is anonymous figures.
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(erased_at__isnull=False) | ~models.Q(first_name=""),
                name="referral_first_name_until_erased",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"


class ReferralOffer(models.Model):
    class Attendance(models.TextChoices):
        PENDING = "pending", pgettext_lazy("referral attendance", "Not known yet")
        CAME = "came", pgettext_lazy("referral attendance", "Came")
        DID_NOT_COME = "did_not_come", pgettext_lazy("referral attendance", "Did not come")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="lines")
    offer = models.ForeignKey(
        "offres.Offer", verbose_name=_("offer"), on_delete=models.PROTECT, related_name="referrals"
    )
    attendance = models.CharField(
        _("attendance"), max_length=12, choices=Attendance.choices, default=Attendance.PENDING, db_index=True
    )
    attendance_on = models.DateField(_("date"), null=True, blank=True)
    attendance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    binome = models.ForeignKey(
        Binome,
        verbose_name=_("volunteer companion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairings",
    )
    # The day agreed for the first visit with the companion (optional).
    binome_meeting_on = models.DateField(_("first visit on"), null=True, blank=True)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("referred offer")
        verbose_name_plural = _("referred offers")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["referral", "offer"], name="one_line_per_offer_and_referral")]

    def __str__(self) -> str:
        return f"#{self.referral_id} → {self.offer_id}"


class FollowUp(models.Model):
    class Outcome(models.TextChoices):
        PENDING = "", pgettext_lazy("follow-up outcome", "To do")
        STILL_GOING = "still_going", pgettext_lazy("follow-up outcome", "Still going")
        STOPPED = "stopped", pgettext_lazy("follow-up outcome", "Stopped")
        NOT_REACHED = "not_reached", pgettext_lazy("follow-up outcome", "Could not be reached")

    line = models.ForeignKey(ReferralOffer, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField(_("months after the referral"))
    due_on = models.DateField(_("due on"), db_index=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True, default="")
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the connector was reminded (the beat task reminds once).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["line", "months"], name="one_follow_up_per_milestone")]

    def __str__(self) -> str:
        return f"{self.line} +{self.months}"

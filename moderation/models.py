from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FacilitationProfile(models.Model):
    """Which facilitation rules run in a debate, in what order, with which thresholds.

    ``rules`` is an ordered list of steps ``{"rule": <name>, "enabled": bool, "params": {...}}``;
    the rule names are those of ``moderation.rules``. Facilitators edit it; code never branches
    on a profile's name.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_default = models.BooleanField(_("default profile"), default=False)
    rules = models.JSONField(_("rules"), default=list, blank=True)
    report_hide_threshold = models.PositiveSmallIntegerField(
        _("reports that hide a message"),
        default=3,
        help_text=_("Number of distinct participants whose reports hide a message until a facilitator decides."),
    )
    new_participant_held = models.PositiveSmallIntegerField(
        _("first messages held for review"),
        default=0,
        help_text=_("The first messages of a new participant wait for a facilitator (0: none)."),
    )
    max_length = models.PositiveIntegerField(_("maximum message length"), default=2000)
    reformulation_required = models.BooleanField(
        _("reformulation mode"),
        default=False,
        help_text=_(
            "A reply must start by saying in one's own words what one understood of the message it answers. "
            "Facilitators can switch it on or off in each room."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("facilitation profile")
        verbose_name_plural = _("facilitation profiles")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="one_default_profile"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default(cls) -> "FacilitationProfile":
        return cls.objects.get(is_default=True)


class FacilitationProfileRevision(models.Model):
    """One change of a facilitation profile: who, when, and the settings before and after.

    Append-only: written by ``moderation.services.profile_update``, never edited, so that the
    rules a room ran at any moment can be told afterwards.
    """

    profile = models.ForeignKey(
        FacilitationProfile, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("profile")
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    before = models.JSONField(_("before"))
    after = models.JSONField(_("after"))

    class Meta:
        verbose_name = _("facilitation profile change")
        verbose_name_plural = _("facilitation profile changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.profile} — {self.changed_at:%Y-%m-%d %H:%M}"


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete a row of an append-only log."""


class AppendOnlyQuerySet(models.QuerySet):
    """A queryset that can add and read rows, never change or delete them."""

    def update(self, **kwargs):
        raise AppendOnlyError("The moderation log is append-only.")

    def delete(self):
        raise AppendOnlyError("The moderation log is append-only.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("The moderation log is append-only.")

    def update_or_create(self, defaults=None, **kwargs):
        raise AppendOnlyError("The moderation log is append-only.")


class ModerationAction(models.Model):
    """One moderation action, kept for good: who (or "automatic"), what, when, which rule,
    why, in which debate, on which message and which participant.

    Append-only: the manager refuses ``update``/``delete``, an instance refuses a second
    ``save`` and ``delete``, and on PostgreSQL a trigger refuses UPDATE and DELETE (migration
    0005). The public register and the appeals read it; nothing ever rewrites it. The foreign
    keys protect their targets: accounts are never deleted (their personal data is erased and
    the row kept), and a debate with a moderation history cannot be deleted.
    """

    class Kind(models.TextChoices):
        HOLD = "hold", _("Message held for review")
        APPROVE = "approve", _("Message published after review")
        REJECT = "reject", _("Message refused")
        HIDE = "hide", _("Message hidden")
        KEEP_HIDDEN = "keep_hidden", _("Hidden message kept hidden")
        RESTORE = "restore", _("Message restored")
        DISMISS_REPORTS = "dismiss_reports", _("Reports dismissed")
        REMINDER = "reminder", _("Reminder of the charter")
        REVIEW = "review", _("Messages held for review for a while")
        MUTE = "mute", _("Participant muted for a while")
        SLOW_MODE = "slow_mode", _("Room set to slow mode")
        PAUSE = "pause", _("Room paused")
        EXCLUDE = "exclude", _("Participant excluded from the debate")
        APPEAL_UPHELD = "appeal_upheld", _("Appeal upheld")
        APPEAL_DISMISSED = "appeal_dismissed", _("Appeal dismissed")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions_taken",
        verbose_name=_("who"),
        help_text=_("Empty for an automatic action."),
    )
    automatic = models.BooleanField(_("automatic"), default=False)
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    rule = models.CharField(_("rule"), max_length=60, blank=True)
    reason_code = models.CharField(_("reason code"), max_length=40, blank=True)
    reason = models.CharField(_("reason"), max_length=600, blank=True)
    debate = models.ForeignKey(
        "debates.Debate", on_delete=models.PROTECT, related_name="moderation_actions", verbose_name=_("debate")
    )
    message = models.ForeignKey(
        "debates.Message",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions",
        verbose_name=_("message"),
    )
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions_received",
        verbose_name=_("participant concerned"),
    )
    minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    # When what this action decides started waiting (a held message's posting, the first
    # report, an automatic hide): the register's time to decision.
    pending_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    appeal = models.ForeignKey(
        "Appeal", null=True, blank=True, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("appeal")
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["debate", "target", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(automatic=True, actor__isnull=True) | models.Q(automatic=False, actor__isnull=False),
                name="moderation_action_actor_or_automatic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The moderation log is append-only.")


class Appeal(models.Model):
    """A participant asks that a moderation action concerning them be reviewed again, by
    someone other than the person who acted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")

    action = models.OneToOneField(
        ModerationAction, on_delete=models.PROTECT, related_name="appeal_made", verbose_name=_("action appealed")
    )
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("appellant")
    )
    text = models.TextField(_("why the decision should change"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals_decided",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.CharField(_("reason of the decision"), max_length=600, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} — {self.action}"


class PersonalMute(models.Model):
    """A participant chose not to read another one: the muted person's messages are collapsed
    for the owner, in every debate, until the owner unmutes them. Nobody else is affected."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_mutes", verbose_name=_("owner")
    )
    muted = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("muted participant")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal mute")
        verbose_name_plural = _("personal mutes")
        constraints = [
            models.UniqueConstraint(fields=["owner", "muted"], name="personal_mute_once"),
            models.CheckConstraint(condition=~models.Q(owner=models.F("muted")), name="personal_mute_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.owner_id} → {self.muted_id}"

"""Facilitation profiles: which content filters run in a debate, in what order, with which
thresholds, and the history of their changes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FacilitationProfile(models.Model):
    """Which facilitation rules run in a debate, in what order, with which thresholds.

    ``rules`` is an ordered list of steps ``{"rule": <name>, "enabled": bool, "params": {...}}``;
    the rule names are those of ``facilitation.filters``. Facilitators edit it; code never branches
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
        db_table = "moderation_facilitationprofile"  # created by the first migrations, in moderation
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

    Append-only: written by ``facilitation.services.profile_update``, never edited, so that the
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
        db_table = "moderation_facilitationprofilerevision"  # created by the first migrations, in moderation
        verbose_name = _("facilitation profile change")
        verbose_name_plural = _("facilitation profile changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.profile} — {self.changed_at:%Y-%m-%d %H:%M}"

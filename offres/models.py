"""The directory of offers that build ties: activities, groups, places, events, first-contact help."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from core.languages import current as current_language


class Offer(index.Indexed, models.Model):
    """What a person needs to decide to go: what, when, where, how much, how accessible, for whom."""

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("place_name"),
        index.SearchField("neighbourhood"),
        index.FilterField("status"),
    ]

    class Kind(models.TextChoices):
        ACTIVITY = "activity", pgettext_lazy("offer kind", "Activity")
        GROUP = "group", pgettext_lazy("offer kind", "Regular group")
        # A tiers-lieu, a library, a square with benches: somewhere to go without a reason.
        PLACE = "place", pgettext_lazy("offer kind", "Place open to all")
        EVENT = "event", pgettext_lazy("offer kind", "Event")
        FIRST_CONTACT = "first_contact", pgettext_lazy("offer kind", "Help with a first contact")

    class Status(models.TextChoices):
        # Suggested by a resident: waits for a city agent or the association before it is listed.
        SUGGESTED = "suggested", pgettext_lazy("offer status", "Suggested")
        PUBLISHED = "published", pgettext_lazy("offer status", "Published")
        # Not confirmed by its owner in time, or reported outdated: still listed, with a warning.
        TO_VERIFY = "to_verify", pgettext_lazy("offer status", "To verify")
        WITHDRAWN = "withdrawn", pgettext_lazy("offer status", "Withdrawn")
        REJECTED = "rejected", pgettext_lazy("offer status", "Not listed")

    class Cost(models.TextChoices):
        FREE = "free", pgettext_lazy("offer cost", "Free")
        PRICE = "price", pgettext_lazy("offer cost", "Paid")
        SOLIDARITY = "solidarity", pgettext_lazy("offer cost", "Solidarity price")

    class Audience(models.TextChoices):
        ALL = "all", pgettext_lazy("offer audience", "All ages")
        SENIORS = "seniors", pgettext_lazy("offer audience", "Seniors")
        PARENTS = "parents", pgettext_lazy("offer audience", "Parents")
        YOUNG = "young", pgettext_lazy("offer audience", "Young people")

    class Recurrence(models.TextChoices):
        ONCE = "once", pgettext_lazy("offer recurrence", "Once")
        WEEKLY = "weekly", pgettext_lazy("offer recurrence", "Every week")
        FORTNIGHTLY = "fortnightly", pgettext_lazy("offer recurrence", "Every two weeks")
        MONTHLY = "monthly", pgettext_lazy("offer recurrence", "Every month")
        # A place with opening hours: `schedule` says them; no calendar entry.
        OPEN_HOURS = "open_hours", pgettext_lazy("offer recurrence", "Opening hours")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTIVITY)
    summary = models.CharField(_("summary"), max_length=300)
    # The language it was written in (docs/i18n.md): the writer's language when writing.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    description = models.TextField(_("description"), blank=True)
    # The association, department or residents' group that runs it; empty while only suggested.
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
    )
    engagements = models.ManyToManyField(
        "programme.EngagementPage", verbose_name=_("engagements"), blank=True, related_name="offers"
    )

    # When: a sentence for people, and the first occurrence with its rhythm for calendars.
    schedule = models.CharField(_("when"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    recurrence = models.CharField(_("rhythm"), max_length=12, choices=Recurrence.choices, default=Recurrence.WEEKLY)
    recurrence_until = models.DateField(_("until"), null=True, blank=True)

    # Where.
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    neighbourhood = models.CharField(_("neighbourhood"), max_length=120, blank=True, db_index=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    # What keeps people away: cost, access, screens, going alone the first time.
    cost = models.CharField(_("cost"), max_length=12, choices=Cost.choices, default=Cost.FREE)
    price = models.CharField(_("price"), max_length=120, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    transport = models.CharField(_("public transport"), max_length=200, blank=True)
    screen_free = models.BooleanField(_("without screens"), default=False)
    companion_first_visit = models.BooleanField(_("someone can come along the first time"), default=False)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default=Audience.ALL)

    # A public contact for the offer (not a resident's personal data).
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUGGESTED, db_index=True
    )
    # The words of the directory's search, folded (lower case, no accents) by ``offres.search``
    # whenever the services save the offer. Not indexed: a search inside words (LIKE '%…%')
    # cannot use a B-tree, and a long description would exceed PostgreSQL's index row size.
    search_text = models.TextField(editable=False, blank=True, default="")
    # Owners confirm their offer every few months (OFFER_CONFIRM_EVERY_DAYS).
    last_confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    # When its managers were last asked to confirm it (the reminder of the confirmation cycle).
    confirmation_asked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="offer_coordinates_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(starts_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="offer_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("offres:detail", args=[self.pk])

    @property
    def is_listed(self) -> bool:
        """Shown in the public directory (an offer to verify stays listed, with a warning)."""
        return self.status in (self.Status.PUBLISHED, self.Status.TO_VERIFY)

    @property
    def is_regular(self) -> bool:
        """Held again and again at a set time: has a calendar entry that repeats."""
        return self.starts_at is not None and self.recurrence in (
            self.Recurrence.WEEKLY,
            self.Recurrence.FORTNIGHTLY,
            self.Recurrence.MONTHLY,
        )

    @property
    def has_calendar(self) -> bool:
        return self.starts_at is not None and self.recurrence != self.Recurrence.OPEN_HOURS


class OfferEvent(models.Model):
    """The public history of an offer: its creation, each status change, update and confirmation."""

    class Kind(models.TextChoices):
        CREATED = "created", pgettext_lazy("offer event", "Created")
        SUGGESTED = "suggested", pgettext_lazy("offer event", "Suggested by a resident")
        TRANSITION = "transition", pgettext_lazy("offer event", "Status change")
        # A published offer confirmed as still current: its status stays, the cycle starts again.
        CONFIRMED = "confirmed", pgettext_lazy("offer event", "Confirmed as current")
        UPDATED = "updated", pgettext_lazy("offer event", "Updated")
        REPORTED = "reported", pgettext_lazy("offer event", "Reported as outdated")
        REMINDED = "reminded", pgettext_lazy("offer event", "Confirmation asked")

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    transition = models.CharField(max_length=20, blank=True)
    # Who acted; empty when the platform did (a reminder, an offer marked to verify).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=12, choices=Offer.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Offer.Status.choices, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("offer history event")
        verbose_name_plural = _("offer history events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.offer_id} {self.kind} {self.transition}"


class OfferReport(models.Model):
    """A resident's report that an offer is outdated (wrong time, place closed, contact gone).
    Its managers see it; it is closed when they confirm or update the offer."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("what is outdated"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outdated offer report")
        verbose_name_plural = _("outdated offer reports")
        ordering = ["created_at", "pk"]
        constraints = [
            # One open report per person and offer: several reports means several people.
            models.UniqueConstraint(
                fields=["offer", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="offer_report_open_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.offer_id} {self.reporter_id}"

"""Debates, their live rooms' messages, the room's event log, participations and reports.

Statuses and modes change only through ``debates.services`` (``_transition`` / ``room_set_mode``).
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.languages import current as current_language


class Debate(index.Indexed, models.Model):
    # Site search (programme.views.search through debates.wagtail_hooks): public debates only.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("question", boost=2),
        index.SearchField("description"),
        index.SearchField("synthesis"),
        index.FilterField("visibility"),
    ]

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Upcoming")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        ARCHIVED = "archived", _("Archived")

    class Mode(models.TextChoices):
        OPEN = "open", _("Open discussion")
        SLOW = "slow", _("Slow mode")
        TURNS = "turns", _("Speaking turns")
        PAUSED = "paused", _("Paused")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        UNLISTED = "unlisted", _("Unlisted (reachable by its link only)")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    question = models.CharField(_("question"), max_length=300)
    # The language it was written in (docs/i18n.md): the author's language when writing.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    description = models.TextField(_("description"), blank=True)
    engagement = models.ForeignKey(
        "programme.EngagementPage",
        verbose_name=_("engagement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="debates",
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), related_name="facilitated_debates", blank=True
    )
    profile = models.ForeignKey(
        "facilitation.FacilitationProfile",
        verbose_name=_("facilitation profile"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty: the default profile."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.OPEN)
    slow_seconds = models.PositiveIntegerField(_("seconds between two messages in slow mode"), default=60)
    # None: as the facilitation profile says; True or False: a facilitator's choice for this room.
    reformulation_required = models.BooleanField(_("reformulation mode"), null=True, blank=True, default=None)
    charter = models.TextField(_("charter"), blank=True, help_text=_("Empty: the platform's default charter."))
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    synthesis = models.TextField(_("synthesis"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The speaking turn: who has the floor and until when. Stored so that it survives a restart
    # and holds across processes; posting checks it.
    floor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    # Or a person present in the meeting hall, who has no account (hybrid sessions).
    floor_hall_speaker = models.ForeignKey(
        "debates.HallSpeaker", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    floor_since = models.DateTimeField(null=True, blank=True, editable=False)
    floor_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Highest seq of the room's event log; the next event takes last_seq + 1 under a row lock.
    last_seq = models.PositiveBigIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("debate")
        verbose_name_plural = _("debates")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("debates:room", kwargs={"slug": self.slug})


class DebateSession(models.Model):
    """A scheduled time when facilitators run the room live."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # Where it happens: empty for a session held only online, in the room (the calendars then
    # give the room's address).
    location = models.CharField(
        _("place"), max_length=250, blank=True, help_text=_("Leave empty for a session held online only.")
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Calendars publish these: DTSTAMP/LAST-MODIFIED say when the event last changed.
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.debate} – {self.starts_at:%Y-%m-%d %H:%M}"


class Message(models.Model):
    class State(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Waiting for review")
        REJECTED = "rejected", _("Rejected")
        HIDDEN = "hidden", _("Hidden")

    class HiddenBy(models.TextChoices):
        FACILITATOR = "facilitator", _("a facilitator")
        AUTOMATIC = "automatic", _("automatically")

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="debate_messages")
    client_id = models.UUIDField(default=uuid.uuid4)
    body = models.TextField(_("message"))
    body_html = models.TextField()
    # The language it was written in (docs/i18n.md): the author's language when writing.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    reply_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    reformulation = models.TextField(_("reformulation"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PUBLISHED)
    # The rule that held the message, or the reason of a rejection or hide.
    rule = models.CharField(max_length=60, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    hidden_by = models.CharField(max_length=12, choices=HiddenBy.choices, blank=True)
    # seq of the message.new event that made it public.
    seq = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["debate", "author", "client_id"], name="message_client_id_once"),
        ]
        indexes = [models.Index(fields=["debate", "state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.debate_id}#{self.pk}"


class RoomEvent(models.Model):
    """The room's public event log: what everyone sees, in order. ``seq`` is gapless per debate:
    it is taken under the debate's row lock and the unique constraint refuses any duplicate."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=40)
    payload = models.JSONField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["debate", "seq"]
        constraints = [models.UniqueConstraint(fields=["debate", "seq"], name="room_event_seq_unique")]

    def __str__(self) -> str:
        return f"{self.debate_id}:{self.seq} {self.type}"


class Participation(models.Model):
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations")
    charter_accepted_at = models.DateTimeField(null=True, blank=True)
    muted_until = models.DateTimeField(null=True, blank=True)
    mute_reason = models.CharField(max_length=300, blank=True)
    muted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    spoken_count = models.PositiveIntegerField(default=0)
    speaking_seconds = models.PositiveIntegerField(default=0)
    hand_raised_at = models.DateTimeField(null=True, blank=True)
    last_post_at = models.DateTimeField(null=True, blank=True)
    following = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [models.UniqueConstraint(fields=["debate", "user"], name="one_participation_per_debate")]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.debate_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        INSULT = "insult", _("Insult")
        HARASSMENT = "harassment", _("Harassment")
        DISCRIMINATION = "discrimination", _("Discrimination")
        SPAM = "spam", _("Spam")
        OFF_TOPIC = "off_topic", _("Off topic")
        PERSONAL_DATA = "personal_data", _("Personal data")
        OTHER = "other", _("Other")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="debate_reports")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [models.UniqueConstraint(fields=["message", "reporter"], name="one_report_per_reporter")]

    def __str__(self) -> str:
        return f"{self.reason} on {self.message_id}"


class HallSpeaker(models.Model):
    """A person present in the meeting hall of a hybrid session, added to the speaking queue by a
    facilitator. No account and nothing but the name they gave: they share the room's one queue
    and one time box with the participants online."""

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="hall_speakers")
    name = models.CharField(_("name"), max_length=80)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # In the queue while set, like a participant's raised hand.
    hand_raised_at = models.DateTimeField(null=True, blank=True)
    spoken_count = models.PositiveIntegerField(default=0)
    speaking_seconds = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person present in the hall")
        verbose_name_plural = _("people present in the hall")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name

"""Commons, pacts, their parties, immutable versions made of clauses, comments, signatures,
join requests, attachments and the public timeline (DESIGN §8).

Statuses change only in ``pactes.services.workflow._transition``; versions are written once by
``pactes.services.versions.version_create`` and never updated.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from core.languages import current as current_language


class Commons(index.Indexed, models.Model):
    """A shared good the city and residents care for together: a garden, a room, a square..."""

    # Site search (programme.views.search through pactes.wagtail_hooks); French full text on PostgreSQL.
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.SearchField("address"),
        index.SearchField("neighbourhood"),
        index.FilterField("is_validated"),
        index.FilterField("id"),
    ]

    class Kind(models.TextChoices):
        GARDEN = "garden", pgettext_lazy("commons kind", "Garden")
        SQUARE = "square", pgettext_lazy("commons kind", "Square")
        STREET = "street", pgettext_lazy("commons kind", "Street")
        BUILDING = "building", pgettext_lazy("commons kind", "Building")
        ROOM = "room", pgettext_lazy("commons kind", "Room")
        SCHOOL_YARD = "school_yard", pgettext_lazy("commons kind", "School yard")
        GREEN_SPACE = "green_space", pgettext_lazy("commons kind", "Green space")
        OTHER = "other", pgettext_lazy("commons kind", "Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    neighbourhood = models.CharField(_("neighbourhood"), max_length=120, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    photo = models.FileField(_("photo"), upload_to="pactes/communs/", blank=True)
    photo_alt = models.CharField(_("photo description"), max_length=250, blank=True)
    managing_department = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("managing department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_commons",
        limit_choices_to={"kind": "city_department"},
    )
    # A commons suggested in a proposal is listed once the city has checked that it exists.
    is_validated = models.BooleanField(_("checked by the city"), default=False)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("commons")
        verbose_name_plural = _("commons")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="commons_coordinates_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_alt=""), name="commons_photo_needs_alt_text"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pactes:commons_detail", args=[self.pk])


class Pact(index.Indexed, models.Model):
    # Site search; only public pacts are ever shown (pactes.wagtail_hooks).
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("idea"),
        index.SearchField("activities"),
        index.SearchField("beneficiaries"),
        index.RelatedFields("commons", [index.SearchField("name"), index.SearchField("neighbourhood")]),
        index.FilterField("status"),
        index.FilterField("submitted_at"),
    ]

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("pact status", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("pact status", "Submitted")
        INFO_REQUESTED = "info_requested", pgettext_lazy("pact status", "Information requested")
        REJECTED = "rejected", pgettext_lazy("pact status", "Rejected")
        CONSULTATION = "consultation", pgettext_lazy("pact status", "Public consultation")
        CO_DESIGN = "co_design", pgettext_lazy("pact status", "Co-design")
        SIGNING = "signing", pgettext_lazy("pact status", "Signing")
        ACTIVE = "active", pgettext_lazy("pact status", "Active")
        SUSPENDED = "suspended", pgettext_lazy("pact status", "Suspended")
        ENDED = "ended", pgettext_lazy("pact status", "Ended")
        WITHDRAWN = "withdrawn", pgettext_lazy("pact status", "Withdrawn")

    class Type(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary pact")
        COMPLEX = "complex", _("Complex pact")

    class EndReason(models.TextChoices):
        EXPIRED = "expired", pgettext_lazy("pact end", "Expired")
        TERMINATED = "terminated", pgettext_lazy("pact end", "Terminated")
        COMPLETED = "completed", pgettext_lazy("pact end", "Completed")
        RENEWED = "renewed", pgettext_lazy("pact end", "Renewed")

    class ProponentKind(models.TextChoices):
        PERSON = "person", _("A person")
        INFORMAL_GROUP = "informal_group", _("An informal group")
        ORGANISATION = "organisation", _("An association or organisation")

    class Periodicity(models.TextChoices):
        CONTINUOUS = "continuous", _("Continuous")
        PERIODIC = "periodic", _("Periodic")

    class Support(models.TextChoices):
        SPACES = "spaces", _("Spaces")
        TOOLS = "tools", _("Tools and materials")
        TRAINING = "training", _("Training")
        STAFF_TIME = "staff_time", _("Staff time")
        FEE_WAIVERS = "fee_waivers", _("Fee waivers")
        INSURANCE = "insurance", _("Insurance")

    title = models.CharField(_("title"), max_length=200)
    # The language of the title and the clauses (docs/i18n.md): the proposer's when writing.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    type = models.CharField(_("type"), max_length=10, choices=Type.choices, default=Type.ORDINARY)
    council_decision_reference = models.CharField(_("council decision reference"), max_length=120, blank=True)
    commons = models.ForeignKey(Commons, verbose_name=_("commons"), on_delete=models.PROTECT, related_name="pacts")
    engagement = models.ForeignKey(
        "programme.EngagementPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="pacts"
    )
    # The pact this one renews: a renewal starts from the last signed version of its predecessor.
    renewal_of = models.ForeignKey(
        "self",
        verbose_name=_("renewal of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewals",
    )
    # A debate room where the parties hold their co-design meetings (optional).
    co_design_debate = models.ForeignKey(
        "debates.Debate",
        verbose_name=_("co-design meetings"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="co_design_pacts",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    end_reason = models.CharField(_("end reason"), max_length=12, choices=EndReason.choices, blank=True)

    # The proposal, as the proponent wrote it.
    proponent_kind = models.CharField(_("proponent"), max_length=20, choices=ProponentKind.choices)
    idea = models.TextField(_("idea"))
    activities = models.TextField(_("activities"), blank=True)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    duration_months = models.PositiveSmallIntegerField(_("duration in months"), default=12)
    periodicity = models.CharField(
        _("continuous or periodic"), max_length=12, choices=Periodicity.choices, default=Periodicity.CONTINUOUS
    )
    own_resources = models.TextField(_("own resources"), blank=True)
    support_requested = models.JSONField(_("support asked for"), default=list, blank=True)
    publication_consent = models.BooleanField(_("consent to publication"), default=False)

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    consultation_ends_at = models.DateTimeField(_("consultation ends at"), null=True, blank=True)
    frozen_version = models.ForeignKey(
        "PactVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("frozen version"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="pacts_created"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("collaboration pact")
        verbose_name_plural = _("collaboration pacts")
        ordering = ["-status_changed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="pact_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pactes:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        """Past draft: pacts withdrawn before submission stay private to their authors."""
        return self.status != self.Status.DRAFT and self.submitted_at is not None


class Party(models.Model):
    """A party to a pact: an organisation (association, group, city department) or a person."""

    class Role(models.TextChoices):
        PROPONENT = "proponent", pgettext_lazy("pact party", "Proponent")
        CO_SIGNATORY = "co_signatory", pgettext_lazy("pact party", "Co-signatory")
        CITY = "city", pgettext_lazy("pact party", "City")

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=15, choices=Role.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="pact_parties"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="pact_parties"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, person__isnull=True)
                | models.Q(organisation__isnull=True, person__isnull=False),
                name="party_is_an_organisation_or_a_person",
            ),
            models.UniqueConstraint(fields=["pact", "organisation"], name="one_party_per_organisation"),
            models.UniqueConstraint(fields=["pact", "person"], name="one_party_per_person"),
            models.UniqueConstraint(fields=["pact"], condition=models.Q(role="city"), name="one_city_party_per_pact"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation_id else self.person.public_name

    @property
    def kind(self) -> str:
        return "organisation" if self.organisation_id else "person"


class ImmutableError(Exception):
    """Raised when code tries to change a written version, clause or signature hash."""


class WriteOnce(models.Model):
    """Rows that are written once: a version is a fixed text whose hash people rely on."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableError(f"{type(self).__name__} rows cannot be changed once written.")
        super().save(*args, **kwargs)


class PactVersion(WriteOnce):
    """One immutable state of the pact's text. It carries a snapshot of everything the
    signatures cover (title, commons, parties, dates, clauses) so that its hash never moves."""

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    commons_name = models.CharField(_("commons"), max_length=200)
    parties = models.JSONField(_("parties"), default=list)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    content_hash = models.CharField(_("SHA-256 fingerprint"), max_length=64, db_index=True)
    # The format of the canonical form the fingerprint was computed on (pactes.canonical).
    canonical_format = models.PositiveSmallIntegerField(_("canonical form format"), default=2)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["pact", "number"]
        constraints = [models.UniqueConstraint(fields=["pact", "number"], name="one_version_number_per_pact")]

    def __str__(self) -> str:
        return f"{self.pact_id} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("pactes:version", args=[self.pact_id, self.number])


class Clause(WriteOnce):
    """A clause of one version. ``key`` is stable across versions so that diffs pair them."""

    version = models.ForeignKey(PactVersion, on_delete=models.CASCADE, related_name="clauses")
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.SlugField(_("key"), max_length=60)
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="one_clause_per_position"),
            models.UniqueConstraint(fields=["version", "key"], name="one_clause_per_key"),
        ]

    def __str__(self) -> str:
        return self.heading


class Comment(models.Model):
    """A public comment on a clause of a version, with an optional public answer."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="comments")
    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pact_comments")
    body = models.TextField(_("comment"))
    # The language it was written in (docs/i18n.md): the author's language when writing.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default=current_language)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class Signature(models.Model):
    """A party's signature of one exact version, identified by its hash."""

    version = models.ForeignKey(PactVersion, on_delete=models.PROTECT, related_name="signatures")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pact_signatures")
    content_hash = models.CharField(_("signed fingerprint"), max_length=64)
    second_factor = models.BooleanField(_("confirmed with a second factor"), default=False)
    signed_at = models.DateTimeField(_("signed at"), auto_now_add=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "party"],
                condition=models.Q(voided_at__isnull=True),
                name="one_live_signature_per_party",
            )
        ]

    def __str__(self) -> str:
        return f"{self.party} – v{self.version.number}"


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("join request", "Pending")
        ACCEPTED = "accepted", pgettext_lazy("join request", "Accepted")
        DECLINED = "declined", pgettext_lazy("join request", "Declined")

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pact_join_requests")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # Joining an active pact is signing its current version: the requester signs when asking
    # (after re-authenticating), and the signature is recorded when the request is accepted.
    signed_version = models.ForeignKey(
        "PactVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("version signed"),
    )
    decision_reason = models.TextField(_("reason of the decision"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pact", "user"], condition=models.Q(status="pending"), name="one_pending_join_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.pact}"


class Attachment(models.Model):
    """A file attached to a pact: images and PDF only, checked by content."""

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="pactes/pieces/")
    title = models.CharField(_("title"), max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pactes:attachment", args=[self.pk])


class PactEvent(models.Model):
    """The public timeline: every transition, version and signature, with actor and reason."""

    class Kind(models.TextChoices):
        TRANSITION = "transition", _("Status change")
        VERSION = "version", _("New version")
        SIGNATURE = "signature", _("Signature")
        SIGNATURES_VOIDED = "signatures_voided", _("Signatures voided")
        PARTY = "party", _("New party")
        REPORT = "report", _("Yearly report")
        RENEWAL = "renewal", _("Renewal")

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    transition = models.CharField(max_length=30, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=Pact.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Pact.Status.choices, blank=True)
    reason = models.TextField(blank=True)
    version_number = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.pact_id} {self.kind} {self.transition}"


class PactReport(models.Model):
    """A yearly report by the parties of an active pact, public on its page, with the city's answer.

    ``period`` is the year of the pact it covers (1 for the first twelve months from the start
    date); one report per period."""

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="reports")
    period = models.PositiveSmallIntegerField(_("year of the pact"))
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    actions = models.TextField(_("actions done"))
    results = models.TextField(_("results"))
    resources = models.TextField(_("resources used"), blank=True)
    city_support = models.TextField(_("support received from the city"), blank=True)
    volunteers = models.PositiveIntegerField(_("number of volunteers"), default=0)
    hours = models.PositiveIntegerField(_("hours given"), default=0)
    # {age band code (accounts.User.AgeBand): number of participants}, counted by the parties.
    participants = models.JSONField(_("participants by age band"), default=dict, blank=True)
    party = models.ForeignKey(Party, null=True, on_delete=models.SET_NULL, related_name="reports")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    city_answer = models.TextField(_("answer of the city"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["pact", "period"]
        constraints = [models.UniqueConstraint(fields=["pact", "period"], name="one_report_per_pact_year")]

    def __str__(self) -> str:
        return f"{self.pact_id} – {self.period}"

    @property
    def participants_total(self) -> int:
        return sum(self.participants.values())


class ReportPhoto(models.Model):
    report = models.ForeignKey(PactReport, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("photo"), upload_to="pactes/rapports/")
    alt_text = models.CharField(_("description of the photo"), max_length=250)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report photo")
        verbose_name_plural = _("report photos")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        return reverse("pactes:report_photo", args=[self.pk])


class Reminder(models.Model):
    """A reminder sent about a deadline. One row per (pact, kind, due date): the unique
    constraint is what makes each reminder go out once, however often the schedule runs."""

    class Kind(models.TextChoices):
        CITY_ANSWER_OVERDUE = "city_answer_overdue", _("City answer overdue")
        CONSULTATION_CLOSING = "consultation_closing", _("Consultation closing")
        REPORT_SOON = "report_soon", _("Yearly report due soon")
        REPORT_DUE = "report_due", _("Yearly report due")
        ENDING = "ending", _("Pact ending")

    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    due_on = models.DateField()
    # For reminders sent at several distances from the same date (a pact ending: 60 and 30 days).
    days_before = models.PositiveSmallIntegerField(default=0)
    recipients = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pact", "kind", "due_on", "days_before"], name="one_reminder_per_deadline")
        ]

    def __str__(self) -> str:
        return f"{self.pact_id} {self.kind} {self.due_on}"


class JournalError(Exception):
    """Raised on any attempt to change or delete an entry of the public fingerprint journal."""


class JournalQuerySet(models.QuerySet):
    """Entries can be added and read, never changed or deleted."""

    def update(self, **kwargs):
        raise JournalError("The fingerprint journal is append-only.")

    def delete(self):
        raise JournalError("The fingerprint journal is append-only.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise JournalError("The fingerprint journal is append-only.")

    def update_or_create(self, defaults=None, **kwargs):
        raise JournalError("The fingerprint journal is append-only.")


class JournalEntry(models.Model):
    """One entry of the public, append-only journal of fingerprints (pactes.journal).

    Each entry's hash covers its content and the previous entry's hash, like a certificate
    transparency log: whoever kept a copy of the journal can tell whether any earlier entry,
    or the text it points to, was changed since. The pact and the version are plain numbers,
    not foreign keys, so that nothing deleted elsewhere can cascade into the journal.

    Append-only: the manager refuses ``update``/``delete``, an instance refuses a second
    ``save`` and any ``delete``, and on PostgreSQL a trigger refuses UPDATE and DELETE.
    """

    class Kind(models.TextChoices):
        VERSION = "version", pgettext_lazy("journal entry", "Version frozen for signature")
        SIGNATURE = "signature", pgettext_lazy("journal entry", "Signature")

    sequence = models.PositiveBigIntegerField(_("number"), unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    pact_id = models.PositiveBigIntegerField(_("pact"), db_index=True)
    version_id = models.PositiveBigIntegerField(_("version"))
    version_number = models.PositiveIntegerField(_("version number"))
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, db_index=True)
    # What the entry says, hashed in its canonical form (pactes.journal.entry_hash).
    payload = models.JSONField(_("content"))
    previous_hash = models.CharField(_("previous entry's hash"), max_length=64, unique=True)
    entry_hash = models.CharField(_("entry hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("recorded at"))

    objects = JournalQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal of fingerprints")
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.kind} {self.fingerprint[:12]}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise JournalError("The fingerprint journal is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise JournalError("The fingerprint journal is append-only.")


class SigningDelegation(models.Model):
    """A delegation of signature (« délégation de signature »): the mayor's decision that lets
    an elected official sign collaboration pacts for the city, for one department or for all,
    for a period. City agents sign for their own department without one."""

    official = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("elected official"),
        on_delete=models.CASCADE,
        related_name="signing_delegations",
    )
    department = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signing_delegations",
        limit_choices_to={"kind": "city_department"},
        help_text=_("Empty: every department of the city."),
    )
    decision_reference = models.CharField(_("reference of the decision"), max_length=120)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegation of signature")
        verbose_name_plural = _("delegations of signature")
        ordering = ["-valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=models.F("valid_from")),
                name="delegation_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.official} – {self.department or _('every department')}"

"""Yearly reports of an active pact: filed by its parties, public on its page, answered by the city."""

import datetime as dt
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.errors import InvalidInput, InvalidState
from core.languages import text_in
from core.permissions import require
from pactes.deadlines import report_periods
from pactes.guards import clean_text
from pactes.models import PactEvent, PactReport, ReportPhoto
from pactes.predicates import PARTY_MEMBER, party_standing
from pactes.services.state import lock_pact
from pactes.uploads import check_upload

MAX_TEXT = 10_000
MAX_COUNT = 1_000_000
MAX_PHOTOS = 6
AGE_BANDS = [value for value, _label in User.AgeBand.choices]


def reportable_periods(pact, *, today: dt.date | None = None) -> list[tuple[int, dt.date, dt.date]]:
    """The periods a report may be filed for: those already begun."""
    today = today or timezone.localdate()
    return [period for period in report_periods(pact) if period[1] <= today]


def _count(value, label) -> int:
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= MAX_COUNT:
        raise InvalidInput(_("%(field)s: give a whole number, zero or more.") % {"field": label}, code="INVALID_COUNT")
    return number


def report_file(
    *,
    actor: User,
    pact,
    period: int,
    actions: str,
    results: str,
    resources: str = "",
    city_support: str = "",
    volunteers: int = 0,
    hours: int = 0,
    participants: dict | None = None,
    photos: Sequence[tuple] = (),
) -> PactReport:
    """File the report of year ``period`` of ``pact`` for the party ``actor`` acts for.

    ``participants`` maps age band codes to numbers of participants; ``photos`` are
    ``(upload, description)`` pairs, images only, each with its description for screen readers.
    """
    actions, results = clean_text(actions), clean_text(results)
    resources, city_support = clean_text(resources), clean_text(city_support)
    if not actions or not results:
        raise InvalidInput(_("Describe the actions done and their results."), code="REPORT_INCOMPLETE")
    if max(len(actions), len(results), len(resources), len(city_support)) > MAX_TEXT:
        raise InvalidInput(_("A part of the report is too long."), code="TOO_LONG")
    counts = {"volunteers": _count(volunteers, _("Volunteers")), "hours": _count(hours, _("Hours"))}
    bands = {}
    for band, value in (participants or {}).items():
        if band not in AGE_BANDS:
            raise InvalidInput(_("Unknown age band."), code="INVALID_AGE_BAND")
        if number := _count(value, _("Participants")):
            bands[band] = number
    if len(photos) > MAX_PHOTOS:
        raise InvalidInput(_("At most %(n)d photos per report.") % {"n": MAX_PHOTOS}, code="TOO_MANY_PHOTOS")
    checked = []
    for upload, description in photos:
        description = clean_text(description).replace("\n", " ")[:250]
        if not description:
            raise InvalidInput(_("Describe each photo for people who cannot see it."), code="ALT_REQUIRED")
        item = check_upload(upload)
        if not item.content_type.startswith("image/"):
            raise InvalidInput(_("Only photos (PNG, JPEG, WebP) go with a report."), code="FILE_TYPE_REFUSED")
        checked.append((item, description))
    with transaction.atomic():
        pact = lock_pact(pact.pk)
        require(actor, "pactes.report_pact", pact)
        periods = {number: (start, end) for number, start, end in reportable_periods(pact)}
        if period not in periods:
            raise InvalidInput(_("This year of the pact has not begun."), code="INVALID_PERIOD")
        party_id = next(pk for pk, marks in party_standing(actor, pact).items() if PARTY_MEMBER in marks)
        try:
            with transaction.atomic():
                report = PactReport.objects.create(
                    pact=pact,
                    period=period,
                    period_start=periods[period][0],
                    period_end=periods[period][1],
                    actions=actions,
                    results=results,
                    resources=resources,
                    city_support=city_support,
                    participants=bands,
                    party_id=party_id,
                    author=actor,
                    **counts,
                )
        except IntegrityError as exc:
            raise InvalidState(_("The report of this year is already filed."), code="ALREADY_REPORTED") from exc
        for item, description in checked:
            photo = ReportPhoto(report=report, alt_text=description, content_type=item.content_type, size=item.size)
            photo.file.save(f"{pact.pk}/{item.stored_name}", item.file, save=False)
            photo.save()
        PactEvent.objects.create(
            pact=pact,
            kind=PactEvent.Kind.REPORT,
            actor=actor,
            reason=text_in(pact.language, gettext_lazy("Year %(n)d"), n=period),
        )
    return report


def report_answer(*, actor: User, report: PactReport, answer: str) -> PactReport:
    """The city's public answer to a report (it may be rewritten)."""
    answer = clean_text(answer)
    if not answer:
        raise InvalidInput(_("Write your answer."), code="EMPTY")
    if len(answer) > MAX_TEXT:
        raise InvalidInput(_("The answer is too long."), code="TOO_LONG")
    with transaction.atomic():
        pact = lock_pact(report.pact_id)
        require(actor, "pactes.answer_report_pact", pact)
        report = PactReport.objects.select_for_update().get(pk=report.pk)
        report.city_answer, report.answered_by, report.answered_at = answer, actor, timezone.now()
        report.save(update_fields=["city_answer", "answered_by", "answered_at"])
    return report

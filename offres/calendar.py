"""iCalendar of the offers (RFC 5545): one event per offer with a first date, repeating by an
RRULE for regular activities (every week, every two weeks, every month on the same weekday).
Built on the debates' calendar (``debates.calendar``): same head, same UID scheme, same response.

Times are written in the city's time zone (``TZID=Europe/Paris``, with its VTIMEZONE), not in
UTC: a rule repeated from a UTC start would keep the winter hour in summer (« 10 h » becoming
11 h in July)."""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Event, vRecur

from debates.calendar import new_calendar, site_host
from offres.models import Offer

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def offer_uid(offer: Offer) -> str:
    return f"offer-{offer.pk}@{site_host()}"


def recurrence_rule(offer: Offer) -> vRecur | None:
    """The RRULE of a regular offer, None for one held once (or a place with opening hours)."""
    if not offer.is_regular:
        return None
    start = _local(offer.starts_at)
    weekday = WEEKDAYS[start.weekday()]
    rule = vRecur()
    if offer.recurrence == Offer.Recurrence.MONTHLY:
        # « Le deuxième samedi du mois »: the same weekday of the same week of each month.
        rule["FREQ"] = "MONTHLY"
        rule["BYDAY"] = f"{(start.day - 1) // 7 + 1}{weekday}"
    else:
        rule["FREQ"] = "WEEKLY"
        rule["BYDAY"] = weekday
        if offer.recurrence == Offer.Recurrence.FORTNIGHTLY:
            rule["INTERVAL"] = 2
    if offer.recurrence_until:
        # The whole last day is included; RFC 5545 wants UNTIL in UTC when DTSTART has a TZID.
        last = timezone.make_aware(dt.datetime.combine(offer.recurrence_until, dt.time(23, 59, 59)))
        rule["UNTIL"] = last.astimezone(dt.UTC)
    return rule


def _local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in the city's time zone, which icalendar writes with its TZID."""
    return timezone.localtime(moment, timezone.get_default_timezone())


def offers_ics(offers: Iterable[Offer], *, base_url: str, name: str) -> bytes:
    calendar = new_calendar(name=name)
    first_year = None
    for offer in offers:
        if not offer.has_calendar:
            continue
        start_year = _local(offer.starts_at).year
        first_year = start_year if first_year is None else min(first_year, start_year)
        url = base_url + offer.get_absolute_url()
        event = Event()
        event.add("uid", offer_uid(offer))
        event.add("dtstamp", offer.updated_at)
        event.add("created", offer.created_at)
        event.add("last-modified", offer.updated_at)
        event.add("summary", offer.title)
        event.add("dtstart", _local(offer.starts_at))
        event.add("dtend", _local(offer.ends_at or offer.starts_at))
        rule = recurrence_rule(offer)
        if rule is not None:
            event.add("rrule", rule)
        location = ", ".join(filter(None, [offer.place_name, offer.address, offer.neighbourhood]))
        if location:
            event.add("location", location)
        if offer.latitude is not None and offer.longitude is not None:
            event.add("geo", (float(offer.latitude), float(offer.longitude)))
        event.add("description", f"{offer.summary}\n\n{url}")
        event.add("url", url)
        event.add("status", "TENTATIVE" if offer.status == Offer.Status.TO_VERIFY else "CONFIRMED")
        calendar.add_component(event)
    if first_year is not None:
        # The VTIMEZONE of every TZID used (RFC 5545, 3.6.5), built from the zoneinfo database,
        # its changes of time from the first event's year to ten years ahead.
        calendar.add_missing_timezones(
            first_date=dt.date(first_year, 1, 1), last_date=dt.date(timezone.localdate().year + 10, 1, 1)
        )
    return calendar.to_ical()

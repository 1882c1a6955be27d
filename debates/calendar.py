"""iCalendar export of debate sessions (RFC 5545), for residents' own calendars.

A subscribed calendar keeps what the feed keeps: each event has a UID that is the same from one
download to the next and unique across cities (the site's host), and the feed keeps past
sessions for a year so that they do not vanish from subscribers' calendars."""

from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from debates.models import DebateSession

# Calendar clients that honour it poll every six hours.
REFRESH = timedelta(hours=6)


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def session_uid(session: DebateSession) -> str:
    return f"debate-session-{session.pk}@{site_host()}"


def new_calendar(*, name: str) -> Calendar:
    """An empty published calendar of the site, named ``name``, that clients refresh every six
    hours (the offers' calendars start from it too)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{site_host()}//{settings.SITE_NAME}//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT6H")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    return calendar


def sessions_ics(sessions: Iterable[DebateSession], *, base_url: str, name: str) -> bytes:
    calendar = new_calendar(name=name)
    for session in sessions:
        debate = session.debate
        url = base_url + debate.get_absolute_url()
        event = Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", session.updated_at)
        event.add("created", session.created_at)
        event.add("last-modified", session.updated_at)
        event.add("summary", session.title or debate.title)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("location", session.location or _("Online, in the debate room: %(url)s") % {"url": url})
        event.add("description", f"{debate.question}\n\n{url}" if debate.question else url)
        event.add("url", url)
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


def ics_response(body: bytes, filename: str) -> HttpResponse:
    """An iCalendar download any site or calendar client may read."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response

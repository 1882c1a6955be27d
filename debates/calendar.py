"""iCalendar export of debate sessions (RFC 5545), for residents' own calendars."""

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

from debates.models import DebateSession


def sessions_ics(sessions: Iterable[DebateSession], *, base_url: str, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//debats//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        debate = session.debate
        event = Event()
        event.add("uid", f"debate-session-{session.pk}@{settings.SITE_NAME.replace(' ', '-').lower()}")
        event.add("summary", session.title or debate.title)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("dtstamp", session.starts_at)
        event.add("description", debate.question)
        event.add("url", base_url + debate.get_absolute_url())
        calendar.add_component(event)
    return calendar.to_ical()

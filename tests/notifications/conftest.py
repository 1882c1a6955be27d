"""Fixtures of the notification tests: the pact and debate fixtures, and readers of what
people were told (notifications in the site, e-mails that went out)."""

import pytest
from django.core import mail

from notifications.models import Notification
from tests.debates.conftest import debate, joined, make_debate  # noqa: F401
from tests.pactes.conftest import make_pact, people  # noqa: F401


@pytest.fixture(autouse=True)
def _empty_cache():
    """The bell's counts live in the cache; ids of accounts come back from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def told():
    """``told(kind)`` -> the set of accounts that got a notification of ``kind``."""

    def read(kind: str) -> set:
        return set(Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True))

    return read


@pytest.fixture
def mailed(django_capture_on_commit_callbacks):
    """A context manager that runs the on-commit wake-up calls (which send the outbox's rows in
    the eager mode) and gives the e-mails that went out, by address."""

    class Capture:
        def __enter__(self):
            mail.outbox.clear()
            self.callbacks = django_capture_on_commit_callbacks(execute=True)
            self.callbacks.__enter__()
            return self

        def __exit__(self, *exc):
            self.callbacks.__exit__(*exc)

        def to(self, user) -> list:
            return [m for m in mail.outbox if user.email in m.to]

    return Capture

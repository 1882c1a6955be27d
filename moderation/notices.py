"""The notifications app imports each app's ``notices``: moderation's kinds and targets are
declared next to the code that tells participants of actions (``notify.py``)."""

from moderation import notify  # noqa: F401

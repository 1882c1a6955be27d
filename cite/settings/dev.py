"""The embedded mode of ``make run``: one process, SQLite, in-memory channel layer."""

from cite.settings.base import *  # noqa: F403

DEBUG = True

"""Settings of the benchmark servers: the site's settings without DEBUG, quiet logs."""

import os

from cite.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# ``--mode connect-cost`` measures joining with and without the room's periodic work.
DEBATES_HEARTBEAT_SECONDS = float(os.environ.get("BENCH_HEARTBEAT_SECONDS", 20))

"""Load the demo content of every app, idempotently (running it twice changes nothing).

Each app that has demo content provides ``<app>/demo.py`` with ``load(*, stdout)``; they run in
the order of PROJECT_APPS, so that later apps find what earlier ones created.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Load the demo accounts and content (refused when DEBUG is off unless --force)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data with DEBUG off: demo accounts share a known password. "
                "Use --force if this really is a demonstration site."
            )
        for app in settings.PROJECT_APPS:
            if find_spec(f"{app}.demo"):
                with transaction.atomic():
                    import_module(f"{app}.demo").load(stdout=self.stdout)
                self.stdout.write(f"demo: {app} ready")

"""Load the demo content of every app, idempotently (running it twice changes nothing).

Each app that has demo content provides ``<app>/demo.py`` with ``load(*, stdout)``; they run in
the order of PROJECT_APPS, so that later apps find what earlier ones created.

The demo is written in the site's language whatever the order of the set-up steps: the catalogues
are compiled first when they are missing or stale, and the site's language is active while the
services write (clause headings, signed versions and their fingerprints are frozen as written).
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from cite.catalogues import ensure_compiled


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
        if ensure_compiled():
            self.stdout.write("demo: translation catalogues compiled")
        with translation.override(settings.LANGUAGE_CODE):
            self._load()

    def _load(self):
        for app in settings.PROJECT_APPS:
            if find_spec(f"{app}.demo"):
                with transaction.atomic():
                    import_module(f"{app}.demo").load(stdout=self.stdout)
                self.stdout.write(f"demo: {app} ready")
        # The yearly report freezes figures computed over every app's demo content: it comes last.
        with transaction.atomic():
            import_module("cite.demo_report").load(stdout=self.stdout)
        self.stdout.write("demo: yearly report ready")

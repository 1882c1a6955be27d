"""Verify the public journal of pact fingerprints: the whole chain, and the texts it points to.

Exit status 0 when everything matches, 1 otherwise (for cron jobs and monitoring).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from pactes.journal import journal_verify


class Command(BaseCommand):
    help = "Verify the hash chain of the pact fingerprint journal and the signed texts it records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--chain-only", action="store_true", help="Check the chain of hashes only, not the stored texts."
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, chain_only=False, json=False, **options):
        report = journal_verify(texts=not chain_only)
        if json:
            self.stdout.write(_dumps(report.as_dict()))
        else:
            for problem in report.problems:
                self.stdout.write(self.style.ERROR(problem))
            self.stdout.write(f"{report.entries} entries, head {report.head}")
        if not report.ok:
            raise CommandError(f"The journal does not verify: {len(report.problems)} problem(s).", returncode=1)
        if not json:
            self.stdout.write(self.style.SUCCESS("The journal verifies."))


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)

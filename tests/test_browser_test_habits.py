"""The browser tests never depend on the machine's speed through a string evaluated in the page:
``wait_for_function("...")`` needs ``eval``, which the site's Content-Security-Policy refuses as
soon as the condition is not already true on the first try. Auto-waiting ``expect(...)`` instead."""

import re
from pathlib import Path

E2E = Path(__file__).resolve().parent / "e2e"


def test_browser_tests_never_wait_on_a_string_expression():
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(E2E.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"wait_for_function\(\s*[\"'f]", line)
    ]
    assert not offenders, offenders

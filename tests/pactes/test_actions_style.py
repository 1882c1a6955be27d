"""Destructive actions stand apart and look destructive."""

import re

from pactes.models import Pact


def test_withdraw_sits_in_the_danger_zone_after_the_main_action(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.DRAFT)
    page = client_for(people.proponent).get(pact.get_absolute_url()).text
    zone = page[page.index('class="danger-zone"') :]
    assert "/action/withdraw/" in zone and "button--danger" in zone
    before = page[: page.index('class="danger-zone"')]
    assert "/action/submit/" in before and "/action/withdraw/" not in before
    submit = re.search(r'action="[^"]*/action/submit/".*?<button[^>]*class="([^"]*)"', page, re.S)
    assert "button--danger" not in submit.group(1)


def test_city_sees_reject_apart_and_red(client_for, people, make_pact):
    pact = make_pact(status=Pact.Status.SUBMITTED)
    page = client_for(people.city_agent).get(pact.get_absolute_url()).text
    zone = page[page.index('class="danger-zone"') :]
    assert "/action/reject/" in zone
    assert "/action/open_consultation/" in page[: page.index('class="danger-zone"')]

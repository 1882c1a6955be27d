"""Scheduled publishing: a page approved for later goes live at its date, not before."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from programme.models import NewsPage

pytestmark = pytest.mark.django_db


def test_news_scheduled_for_later_goes_live_at_its_date(build_programme, client):
    _, _, index = build_programme(engagements=1, news=0)
    go_live = timezone.now() + datetime.timedelta(days=2)
    news = NewsPage(title="Annonce programmée", slug="annonce", live=False, go_live_at=go_live)
    index.add_child(instance=news)
    news.save_revision(approved_go_live_at=go_live).publish()

    assert not Page.objects.get(pk=news.pk).live
    assert client.get("/actualites/annonce/").status_code == 404

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)

    assert Page.objects.get(pk=news.pk).live
    assert client.get("/actualites/annonce/").status_code == 200

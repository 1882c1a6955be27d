"""Scheduled work on offers (CELERY_BEAT_SCHEDULE in settings): tasks call services and are safe
to run twice."""

from celery import shared_task

from offres import services
from offres.models import Offer
from offres.search import refresh_search_text


@shared_task(name="offres.tasks.confirmation_cycle")
def confirmation_cycle() -> dict[str, list[int]]:
    done = services.confirmation_cycle()
    # An organisation renamed in the admin: the directory's search learns the new name here.
    done["search_refreshed"] = refresh_search_text(Offer.objects.all())
    return done

"""Page trees for the programme tests, built under the home page the migrations create."""

import datetime
import itertools

import pytest
from wagtail.models import Page

from programme.models import EngagementPage, HomePage, NewsIndexPage, NewsPage, ProgrammePage, StandardPage

_numbers = itertools.count(1)


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def action(title: str, status: str = "planned", **extra) -> dict:
    # Every text of the block, as the admin saves it (wagtail-localize reads each one).
    return {"type": "action", "value": {"title": title, "description": "", "status": status, "department": "", **extra}}


@pytest.fixture
def home(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def build_programme(home):
    """``build_programme(engagements=10, actions=3, news=2)`` -> (programme, [engagements], news index)."""

    def build(*, engagements: int = 10, actions: int = 3, news: int = 2):
        programme = publish(
            home, ProgrammePage(title="Le programme", slug="programme", intro="<p>Dix engagements.</p>")
        )
        pages = []
        statuses = itertools.cycle(["planned", "in_progress", "done"])
        for number in range(1, engagements + 1):
            pages.append(
                publish(
                    programme,
                    EngagementPage(
                        title=f"Engagement numéro {number}",
                        slug=f"engagement-{number}",
                        number=number,
                        summary=f"Résumé de l’engagement {number}.",
                        principle=f"Principe {number} : la rencontre ordinaire entre voisins.",
                        actions=[action(f"Action {number}.{i}", next(statuses)) for i in range(1, actions + 1)],
                    ),
                )
            )
        index = publish(home, NewsIndexPage(title="Actualités", slug="actualites"))
        for i in range(news):
            item = NewsPage(
                title=f"Nouvelle {i}",
                slug=f"nouvelle-{i}-{next(_numbers)}",
                date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
                summary=f"Résumé de la nouvelle {i}.",
                engagement=pages[i % len(pages)] if pages else None,
            )
            item.tags.add("quartier", f"thème {i % 3}")
            publish(index, item)
        return programme, pages, index

    return build


@pytest.fixture
def standard_page(home) -> StandardPage:
    return publish(home, StandardPage(title="Charte de participation", slug="charte", summary="Les règles communes."))

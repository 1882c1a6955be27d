"""Demo content of the programme: the ten engagements, news, legal and charter pages.

Idempotent: a page that already exists (same slug under the same parent) is left as it is, so
that running the command again changes nothing and never overwrites an editor's work.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from programme.demo_content import ENGAGEMENTS, NEWS, PROGRAMME_INTRO, STANDARD_PAGES
from programme.editorial import create_workflow
from programme.models import EngagementPage, HomePage, NewsIndexPage, NewsPage, ProgrammePage, StandardPage

HOME_INTRO = (
    "<p>La ville s’est engagée dans le programme « Faire la ville du lien » : dix engagements pour "
    "que chacun trouve autour de lui des occasions de rencontre, d’entraide et de participation. "
    "Vous trouverez ici ce que la ville fait pour chacun, où elle en est, les débats animés où "
    "chacun peut prendre la parole et les pactes de collaboration signés avec les habitants.</p>"
)


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _child(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).first()


def _action(title, description, status, department, start=None, end=None) -> dict:
    return {
        "type": "action",
        "value": {
            "title": title,
            "description": description,
            "status": status,
            "department": department,
            "start_date": start,
            "end_date": end,
        },
    }


def _body(sections: list[tuple[str, list[str]]]) -> list[dict]:
    body = []
    for heading, paragraphs in sections:
        if heading:
            body.append({"type": "heading", "value": heading})
        body += [{"type": "paragraph", "value": str(RichText(f"<p>{text}</p>"))} for text in paragraphs]
    return body


def _site(home: HomePage) -> None:
    # The migration created the site for "localhost"; the demo serves it at SITE_URL, which the
    # sitemap, the feeds and the canonical links use for absolute addresses.
    site = Site.objects.filter(root_page=home, is_default_site=True).first()
    url = urlsplit(settings.SITE_URL)
    if site and site.hostname == "localhost" and url.hostname:
        site.hostname = url.hostname
        site.port = url.port or (443 if url.scheme == "https" else 80)
        site.site_name = settings.SITE_NAME
        site.save()


def load(*, stdout) -> None:
    home = HomePage.objects.order_by("path").first()
    if home is None:
        stdout.write("demo: cite skipped (no home page: run the migrations)")
        return
    if not home.intro:
        home.title = settings.SITE_NAME
        home.intro = HOME_INTRO
        home.search_description = (
            "La plateforme de la ville pour le programme « Faire la ville du lien » : engagements, "
            "débats animés et pactes de collaboration."
        )
        home.save_revision().publish()
    _site(home)
    # The migration set up the editorial roles and workflow on the home page; a site whose home
    # page came later (restored, recreated) gets them here, with the same code.
    create_workflow(apps, None)

    programme = _child(home, "programme")
    if programme is None:
        programme = _publish(
            home,
            ProgrammePage(
                title="Le programme « Faire la ville du lien »",
                slug="programme",
                intro=PROGRAMME_INTRO,
                search_description="Les dix engagements municipaux de la ville pour le lien social.",
            ),
        )
    for number, title, summary, principle, actions, example in ENGAGEMENTS:
        if EngagementPage.objects.filter(number=number).exists():
            continue
        _publish(
            programme,
            EngagementPage(
                title=title,
                slug=f"engagement-{number}",
                number=number,
                summary=summary,
                principle=principle,
                actions=[_action(*action) for action in actions],
                example=[{"type": "example", "value": dict(zip(("title", "place", "text"), example, strict=True))}],
            ),
        )

    news_index = _child(home, "actualites")
    if news_index is None:
        news_index = _publish(
            home,
            NewsIndexPage(
                title="Actualités",
                slug="actualites",
                intro="<p>Ce qui avance, ce qui se prépare et les rendez-vous du programme.</p>",
            ),
        )
    for slug, title, date, summary, paragraphs, tags, engagement_number in NEWS:
        if _child(news_index, slug):
            continue
        news = NewsPage(
            title=title,
            slug=slug,
            date=date,
            summary=summary,
            body=_body([("", paragraphs)]),
            engagement=EngagementPage.objects.filter(number=engagement_number).first(),
        )
        news.tags.add(*tags)
        _publish(news_index, news)

    for slug, title, summary, sections in STANDARD_PAGES:
        if _child(home, slug) is None:
            _publish(home, StandardPage(title=title, slug=slug, summary=summary, body=_body(sections)))

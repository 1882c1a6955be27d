"""Demo content of the programme: the ten engagements, news, legal and charter pages.

Idempotent: a page that already exists (same slug under the same parent) is left as it is, so
that running the command again changes nothing and never overwrites an editor's work.

The home page, the programme, its ten engagements, the news index, two news items and the
charter are translated into English the way an editor would, through wagtail-localize: a
translation of each page's source, its segments filled from ``demo_content_en.ENGLISH``, then
published. The other pages stay French only: the English site shows them marked as French.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from programme.demo_content import ENGAGEMENTS, NEWS, PROGRAMME_INTRO, STANDARD_PAGES
from programme.demo_content_en import ENGLISH
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
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path").first()
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
        if EngagementPage.objects.filter(number=number, locale=home.locale).exists():
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
            engagement=EngagementPage.objects.filter(number=engagement_number, locale=home.locale).first(),
        )
        news.tags.add(*tags)
        _publish(news_index, news)

    for slug, title, summary, sections in STANDARD_PAGES:
        if _child(home, slug) is None:
            _publish(home, StandardPage(title=title, slug=slug, summary=summary, body=_body(sections)))

    english = Locale.objects.filter(language_code="en").first()
    if english is not None:
        translated = translate_demo(home, english)
        stdout.write(f"demo: {translated} pages translated into English")


# The pages of the demo translated into English (the others stay French only).
TRANSLATED_NEWS = ("lancement-de-la-plateforme", "premier-debat-anime")
TRANSLATED_PAGES = ("charte",)


def translate_demo(home: HomePage, locale: Locale) -> int:
    """Translate the demo pages into ``locale`` with wagtail-localize, parents first (a translated
    page needs its parent translated). Pages already translated are left as they are."""
    programme = _child(home, "programme")
    news_index = _child(home, "actualites")
    pages = [home]
    if programme is not None:
        pages += [programme, *EngagementPage.objects.child_of(programme).filter(locale=home.locale).order_by("number")]
    if news_index is not None:
        pages += [news_index, *(page for slug in TRANSLATED_NEWS if (page := _child(news_index, slug)))]
    pages += [page for slug in TRANSLATED_PAGES if (page := _child(home, slug))]
    existing = set(
        Page.objects.filter(translation_key__in=[page.translation_key for page in pages], locale=locale).values_list(
            "translation_key", flat=True
        )
    )
    count = 0
    for page in pages:
        if page.translation_key not in existing:
            translate_page(page.specific, locale, ENGLISH)
            count += 1
    return count


def translate_page(page: Page, locale: Locale, texts: dict[str, str], *, publish: bool = True) -> Page:
    """Translate ``page`` into ``locale`` as the translation editor does: the page's source, a
    translation, each segment's text (``texts`` by source text; slugs are kept), then the saved
    (and published) translated page. A segment without text raises KeyError."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        data = segment.string.data if segment.context.path == "slug" else texts[segment.string.data]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": data, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    # wagtail-localize publishes when the transaction commits, from the page as it was then: inside
    # load_demo's transaction that would write back the tree's stale child counts. The draft is
    # saved here and its revision published at once, parents first.
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    if publish:
        translated.get_latest_revision().publish()
    return translated

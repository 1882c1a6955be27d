"""Demo content that needs the others' demo data: the published yearly report over the demo
debates and pacts. Its figures are frozen when it is published, so it runs after every app's
demo (``load_demo`` calls it last). Idempotent: an existing report is left as it is."""

from django.utils import timezone
from wagtail.rich_text import RichText

from accounts.demo import demo_user
from evaluation.models import YearlyReportPage
from programme.models import EngagementPage, HomePage

NARRATIVES = {
    4: (
        "<p>Le premier pacte de collaboration de la ville a été signé : l’association des Jardins "
        "partagés et la ville prennent soin ensemble d’un jardin de quartier, où les écoliers du "
        "mercredi et les jardiniers retraités se retrouvent. Un second pacte est en consultation "
        "publique : chacun peut encore le lire et le commenter.</p>"
    ),
    9: (
        "<p>Les débats animés ont trouvé leur rythme : une salle ouverte sur l’aménagement des places, "
        "menée par une animatrice formée à la communication non violente, avec des tours de parole. "
        "Le registre public de la modération dit ce qui a été décidé, pourquoi et en combien de temps.</p>"
    ),
    10: (
        "<p>Ce point annuel est la première évaluation publique du programme. Les chiffres ci-dessous "
        "ont été figés à sa publication ; le tableau de bord montre les chiffres du jour.</p>"
    ),
}


def _indicator(figure: str, engagement: str = "") -> dict:
    return {"type": "indicator", "value": {"figure": figure, "engagement": engagement}}


def _narrative(number: int) -> list[dict]:
    engagement = EngagementPage.objects.filter(number=number, locale__language_code="fr").first()
    if engagement is None:
        return []
    return [{"type": "engagement", "value": {"engagement": engagement.pk, "text": str(RichText(NARRATIVES[number]))}}]


def load(*, stdout) -> None:
    home = HomePage.objects.order_by("path").first()
    year = timezone.localdate().year
    slug = f"point-annuel-{year}"
    if home is None or home.get_children().filter(slug=slug).exists():
        return
    report = YearlyReportPage(
        title=f"Point annuel {year} de la ville du lien",
        slug=slug,
        year=year,
        summary=(
            "Ce que la ville a fait cette année pour le lien social, engagement par engagement, "
            "avec les indicateurs partagés du programme."
        ),
        body=[
            {"type": "heading", "value": "L’année en chiffres"},
            _indicator("key_figures"),
            _indicator("messages_by_month"),
            *_narrative(4),
            _indicator("summary", "4"),
            _indicator("pacts_by_status"),
            _indicator("volunteering"),
            *_narrative(9),
            _indicator("moderation"),
            _indicator("age_bands"),
            *_narrative(10),
            _indicator("by_engagement"),
            _indicator("offers_by_neighbourhood"),
            _indicator("offers_by_audience"),
            _indicator("referrals"),
        ],
    )
    home.add_child(instance=report)
    # Published as the elected official would approve it; publishing freezes the figures.
    report.save_revision(user=demo_user("elu@example.org")).publish(user=demo_user("elu@example.org"))
    stdout.write(f"demo: yearly report {year} published")

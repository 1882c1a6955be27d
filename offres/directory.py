"""The directory's filters and the offers they select. The list, the map, the calendar and the
open-data files read the same selection (``directory_offers``), so a filtered map or download
holds exactly the offers the list shows. Filters come from the query string (no JavaScript)."""

from dataclasses import dataclass

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from offres.models import Offer
from offres.search import fold
from offres.selectors import offers_listed

MAX_QUERY_LENGTH = 100
# « Gratuit » covers the free offers; « petit prix » the free and solidarity-priced ones.
COST_CHOICES = [
    ("gratuit", pgettext_lazy("cost filter", "Free")),
    ("solidaire", pgettext_lazy("cost filter", "Free or solidarity price")),
]


@dataclass(frozen=True)
class DirectoryFilters:
    """What a visitor asked for. Empty values mean "any"."""

    query: str = ""
    kind: str = ""
    neighbourhood: str = ""
    cost: str = ""
    audience: str = ""
    engagement: int | None = None
    screen_free: bool = False
    step_free: bool = False
    companion: bool = False

    @property
    def active(self) -> bool:
        chosen = (self.query, self.kind, self.neighbourhood, self.cost, self.audience, self.engagement)
        return any(chosen) or self.screen_free or self.step_free or self.companion


def neighbourhood_choices() -> list[str]:
    """The neighbourhoods of the listed offers (one query)."""
    names = offers_listed().exclude(neighbourhood="").values_list("neighbourhood", flat=True)
    return list(names.distinct().order_by("neighbourhood"))


def engagement_choices() -> list[tuple[int, str]]:
    """The engagements some listed offer serves (``programme.selectors.engagement_choices``)."""
    from programme.models import EngagementPage
    from programme.selectors import engagement_choices as choices

    return choices(EngagementPage.objects.filter(offers__in=offers_listed()))


class DirectoryFilterForm(forms.Form):
    """The directory's filters; field names are the French words of the URLs
    (``?type=group&quartier=Centre&sans_ecran=1``), which the exports accept too."""

    q = forms.CharField(label=_("Words to look for"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    type = forms.ChoiceField(label=pgettext_lazy("offer filter", "Kind"), required=False)
    quartier = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    cout = forms.ChoiceField(label=_("Cost"), required=False)
    public = forms.ChoiceField(label=_("For whom"), required=False)
    engagement = forms.TypedChoiceField(label=_("Engagement"), required=False, coerce=int, empty_value=None)
    sans_ecran = forms.BooleanField(label=_("Without screens"), required=False)
    plain_pied = forms.BooleanField(label=_("Step-free access"), required=False)
    accompagnement = forms.BooleanField(label=_("Someone can come along the first time"), required=False)

    CHECKBOXES = ("sans_ecran", "plain_pied", "accompagnement")

    def __init__(self, *args, neighbourhoods: list[str], engagements: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All kinds")), *Offer.Kind.choices]
        self.fields["quartier"].choices = [("", _("All neighbourhoods")), *[(n, n) for n in neighbourhoods]]
        self.fields["cout"].choices = [("", _("Any cost")), *COST_CHOICES]
        self.fields["public"].choices = [("", _("Everyone")), *Offer.Audience.choices]
        self.fields["engagement"].choices = [("", _("All engagements")), *engagements]

    def filters(self) -> DirectoryFilters:
        """The valid filters; an invalid one (a forged value) is left out, its error shown."""
        data = self.cleaned_data if self.is_bound else {}
        return DirectoryFilters(
            query=data.get("q") or "",
            kind=data.get("type") or "",
            neighbourhood=data.get("quartier") or "",
            cost=data.get("cout") or "",
            audience=data.get("public") or "",
            engagement=data.get("engagement"),
            screen_free=bool(data.get("sans_ecran")),
            step_free=bool(data.get("plain_pied")),
            companion=bool(data.get("accompagnement")),
        )


def filter_form(data) -> DirectoryFilterForm:
    """A bound filter form (two queries: the neighbourhoods and engagements offered)."""
    form = DirectoryFilterForm(
        {key: data.get(key, "") for key in DirectoryFilterForm.base_fields},
        neighbourhoods=neighbourhood_choices(),
        engagements=engagement_choices(),
    )
    form.is_valid()
    return form


def _query_filter(query: str) -> Q:
    """Every word must appear somewhere a person would look: title, summary, description,
    place, neighbourhood or the organisation that runs it (``Offer.search_text``), whatever
    its case and accents."""
    condition = Q()
    for word in fold(query).split()[:10]:
        condition &= Q(search_text__contains=word)
    return condition


def directory_offers(filters: DirectoryFilters) -> QuerySet[Offer]:
    """The listed offers matching ``filters``, with their organisation (one query to list)."""
    offers = offers_listed().select_related("organisation")
    if filters.query:
        offers = offers.filter(_query_filter(filters.query))
    if filters.kind:
        offers = offers.filter(kind=filters.kind)
    if filters.neighbourhood:
        offers = offers.filter(neighbourhood=filters.neighbourhood)
    if filters.cost == "gratuit":
        offers = offers.filter(cost=Offer.Cost.FREE)
    elif filters.cost == "solidaire":
        offers = offers.filter(cost__in=[Offer.Cost.FREE, Offer.Cost.SOLIDARITY])
    if filters.audience:
        # An offer for all ages is for seniors, parents and young people too.
        offers = offers.filter(audience__in=[filters.audience, Offer.Audience.ALL])
    if filters.engagement:
        offers = offers.filter(engagements__pk=filters.engagement)
    if filters.screen_free:
        offers = offers.filter(screen_free=True)
    if filters.step_free:
        offers = offers.filter(step_free=True)
    if filters.companion:
        offers = offers.filter(companion_first_visit=True)
    return offers.order_by("title", "pk")

"""The public register of pacts: its filters, the pacts they select, and the commons with their pacts.

The register page, the map and the open-data exports read the same selection
(``register_pacts``), so a filtered map or download holds exactly the pacts the list shows.
Every read here costs a fixed number of queries whatever the number of pacts.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Organisation
from pactes.models import Commons, Pact, Party
from pactes.selectors import public_pacts

# Kinds of party a visitor can filter on: the organisations' kinds (a city department is a
# party to every pact past review, so it does not filter anything) and individual residents.
PERSON = "person"
PARTY_KINDS = [
    (Organisation.Kind.ASSOCIATION.value, pgettext_lazy("party kind", "Association")),
    (Organisation.Kind.INFORMAL_GROUP.value, pgettext_lazy("party kind", "Informal group")),
    (Organisation.Kind.INSTITUTION.value, pgettext_lazy("party kind", "Other institution")),
    (PERSON, pgettext_lazy("party kind", "Individual resident")),
]
PUBLIC_STATUSES = [(value, label) for value, label in Pact.Status.choices if value != Pact.Status.DRAFT]
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class RegisterFilters:
    """What a visitor asked for. Empty strings and ``None`` mean "any"."""

    query: str = ""
    status: str = ""
    commons_kind: str = ""
    neighbourhood: str = ""
    engagement: int | None = None
    party_kind: str = ""

    @property
    def active(self) -> bool:
        return any([self.query, self.status, self.commons_kind, self.neighbourhood, self.engagement, self.party_kind])


def neighbourhood_choices() -> list[str]:
    """Neighbourhoods of the commons some public pact cares for (one query)."""
    names = (
        Commons.objects.filter(pacts__in=public_pacts())
        .exclude(neighbourhood="")
        .values_list("neighbourhood", flat=True)
        .distinct()
        .order_by("neighbourhood")
    )
    return list(names)


def engagement_choices() -> list[tuple[int, str]]:
    """Engagements some public pact is linked to (``programme.selectors.engagement_choices``)."""
    from programme.models import EngagementPage
    from programme.selectors import engagement_choices as choices

    return choices(EngagementPage.objects.filter(pacts__in=public_pacts()))


class RegisterFilterForm(forms.Form):
    """The register's filters, from the query string. Field names are the French words of the
    URLs (``?statut=active&bien=garden``), which the exports accept too."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    statut = forms.ChoiceField(label=pgettext_lazy("register filter", "Status"), required=False)
    bien = forms.ChoiceField(label=_("Kind of commons"), required=False)
    quartier = forms.ChoiceField(label=_("Neighbourhood"), required=False)
    engagement = forms.TypedChoiceField(label=_("Engagement"), required=False, coerce=int, empty_value=None)
    partie = forms.ChoiceField(label=_("Kind of party"), required=False)

    def __init__(self, *args, neighbourhoods: list[str], engagements: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statut"].choices = [("", _("All statuses")), *PUBLIC_STATUSES]
        self.fields["bien"].choices = [("", _("All kinds")), *Commons.Kind.choices]
        self.fields["quartier"].choices = [("", _("All neighbourhoods")), *[(n, n) for n in neighbourhoods]]
        self.fields["engagement"].choices = [("", _("All engagements")), *engagements]
        self.fields["partie"].choices = [("", _("All parties")), *PARTY_KINDS]

    def filters(self) -> RegisterFilters:
        """The valid filters; an invalid one (a forged value) is left out, its error shown."""
        data = self.cleaned_data if self.is_bound else {}
        return RegisterFilters(
            query=data.get("q") or "",
            status=data.get("statut") or "",
            commons_kind=data.get("bien") or "",
            neighbourhood=data.get("quartier") or "",
            engagement=data.get("engagement"),
            party_kind=data.get("partie") or "",
        )


def filter_form(data) -> RegisterFilterForm:
    """A bound filter form (two queries: the neighbourhoods and engagements offered)."""
    form = RegisterFilterForm(
        {key: data.get(key, "") for key in RegisterFilterForm.base_fields},
        neighbourhoods=neighbourhood_choices(),
        engagements=engagement_choices(),
    )
    form.is_valid()
    return form


def _query_filter(query: str) -> Q:
    """Every word must appear in the title, the idea, the commons or its neighbourhood."""
    condition = Q()
    for word in query.split()[:10]:
        condition &= (
            Q(title__icontains=word)
            | Q(idea__icontains=word)
            | Q(commons__name__icontains=word)
            | Q(commons__neighbourhood__icontains=word)
        )
    return condition


def register_pacts(filters: RegisterFilters) -> QuerySet[Pact]:
    """Public pacts matching ``filters``, most recently changed first, with their commons and
    engagement joined (the parties are prefetched by the callers that show them)."""
    pacts = public_pacts().select_related("commons", "engagement")
    if filters.status:
        pacts = pacts.filter(status=filters.status)
    if filters.commons_kind:
        pacts = pacts.filter(commons__kind=filters.commons_kind)
    if filters.neighbourhood:
        pacts = pacts.filter(commons__neighbourhood=filters.neighbourhood)
    if filters.engagement:
        pacts = pacts.filter(engagement_id=filters.engagement)
    if filters.party_kind:
        parties = Party.objects.filter(pact=OuterRef("pk")).exclude(role=Party.Role.CITY)
        if filters.party_kind == PERSON:
            parties = parties.filter(person__isnull=False)
        else:
            parties = parties.filter(organisation__kind=filters.party_kind)
        pacts = pacts.filter(Exists(parties))
    if filters.query:
        pacts = pacts.filter(_query_filter(filters.query))
    return pacts.order_by("-status_changed_at", "-pk")


def with_parties(pacts: QuerySet[Pact]) -> QuerySet[Pact]:
    return pacts.prefetch_related(
        Prefetch("parties", queryset=Party.objects.select_related("organisation", "person").order_by("pk"))
    )


def commons_with_pacts() -> QuerySet[Commons]:
    """Commons the city has checked or that a public pact cares for, each with its public pacts
    (two queries per page of commons)."""
    public = public_pacts()
    return (
        Commons.objects.filter(Q(is_validated=True) | Q(pacts__in=public))
        .distinct()
        .prefetch_related(
            Prefetch("pacts", queryset=public.order_by("-status_changed_at", "-pk"), to_attr="public_pacts")
        )
        .order_by("name", "pk")
    )

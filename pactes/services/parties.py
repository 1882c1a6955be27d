"""The parties of a pact: adding one, and the city department every pact in consultation or
co-design has."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation, User
from core.errors import InvalidState
from core.languages import text_in
from pactes.models import (
    Pact,
    PactEvent,
    Party,
)
from pactes.predicates import forget_standing
from pactes.services.state import _transition
from pactes.services.versions import current_clauses, write_version


def _add_party(*, pact: Pact, actor: User | None, role: str, organisation=None, person=None) -> Party:
    """Add a party to a locked pact. While the text is being written, the party list is part
    of it, so a new version records it (and, during signing, voids the signatures)."""
    party = Party.objects.create(pact=pact, role=role, organisation=organisation, person=person)
    forget_standing(pact)
    PactEvent.objects.create(pact=pact, kind=PactEvent.Kind.PARTY, actor=actor, reason=party.name)
    if pact.status in {Pact.Status.CONSULTATION, Pact.Status.CO_DESIGN, Pact.Status.SIGNING}:
        if pact.status == Pact.Status.SIGNING:
            _transition(
                pact=pact,
                name="reopen",
                actor=actor,
                reason=text_in(pact.language, gettext_lazy("A party joined the pact.")),
            )
        write_version(
            pact=pact,
            actor=actor,
            clauses=current_clauses(pact),
            note=text_in(pact.language, gettext_lazy("New party: %(name)s"), name=party.name),
        )
    return party


def ensure_city_party(*, pact: Pact, actor: User | None) -> Party:
    """The city department party of a locked pact, added if missing: the acting agent's
    department, else the department managing the commons, else the first city department."""
    existing = pact.parties.filter(role=Party.Role.CITY).first()
    if existing:
        return existing
    departments = Organisation.objects.filter(kind=Organisation.Kind.CITY_DEPARTMENT)
    department = None
    if actor is not None and actor.is_authenticated:
        department = departments.filter(memberships__user=actor).order_by("pk").first()
    department = department or pact.commons.managing_department or departments.order_by("pk").first()
    if department is None:
        raise InvalidState(_("No city department is set up to take part in pacts."), code="NO_CITY_DEPARTMENT")
    return _add_party(pact=pact, actor=actor, role=Party.Role.CITY, organisation=department)

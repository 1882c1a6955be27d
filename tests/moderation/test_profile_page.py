"""The facilitators' page for a facilitation profile: who may see and change it, what a change
does to the pipeline, and bad input refused without any change."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from core.errors import InvalidInput, PermissionDenied
from facilitation.filters import steps_for
from facilitation.models import FacilitationProfile, FacilitationProfileRevision
from facilitation.pipeline import Decision, run
from facilitation.services import profile_update
from moderation.forms import ProfileForm

pytestmark = pytest.mark.django_db


def form_data(profile, **overrides):
    """What the browser sends for ``profile`` unchanged, with ``overrides``."""
    form = ProfileForm(profile=profile)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = ", ".join(value)
        elif value is not None:
            data[name] = str(value)
    for name, value in overrides.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@pytest.fixture
def profile():
    return FacilitationProfile.default()


@pytest.fixture
def url(profile):
    return reverse("moderation:profile_edit", args=[profile.slug])


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("resident", 403), ("city_agent", 403), ("facilitator", 200), ("superuser", 200)],
)
def test_profile_page_is_for_facilitators_and_superusers(request, client_for, url, who, status):
    user = None if who == "anonymous" else request.getfixturevalue(who)

    response = client_for(user).get(url)

    assert response.status_code == status
    if status == 302:
        assert "/accounts/login/" in response["Location"]
    list_response = client_for(user).get(reverse("moderation:profile_list"))
    assert list_response.status_code == status


@pytest.mark.parametrize("who", ["resident", "city_agent"])
def test_profile_page_refuses_changes_from_others_and_changes_nothing(request, client_for, profile, url, who):
    before = FacilitationProfile.objects.get(pk=profile.pk)

    response = client_for(request.getfixturevalue(who)).post(url, form_data(profile, shouting__enabled=None))

    assert response.status_code == 403
    assert FacilitationProfile.objects.get(pk=profile.pk).rules == before.rules
    assert not FacilitationProfileRevision.objects.exists()


def test_profile_page_shows_every_rule_in_french(client_for, facilitator, url):
    response = client_for(facilitator).get(url)

    page = response.content.decode()
    titles = ("Messages répétés", "Cris", "Insultes et injures", "Attaques personnelles", "Liens")
    for title in (*titles, "Nouveaux participants", "Reformulation"):
        assert f"<legend>{title}</legend>" in page
    assert 'name="insults__slur"' in page


def test_profile_page_saves_a_change_that_the_pipeline_uses_at_once(client_for, facilitator, profile, url, context):
    assert run(steps_for(profile), context("merde alors")).decision is Decision.NUDGE

    response = client_for(facilitator).post(
        url, form_data(profile, insults__vulgar="hold", shouting__enabled=None, new_participant_held="2")
    )

    assert response.status_code == 302
    saved = FacilitationProfile.objects.get(pk=profile.pk)
    steps = steps_for(saved)
    assert run(steps, context("merde alors", published_count=5)).decision is Decision.HOLD
    assert "shouting" not in [rule.__name__ for rule, _ in steps]
    assert run(steps, context("Bonjour", published_count=1)).code == "NEW_PARTICIPANT"
    revision = FacilitationProfileRevision.objects.get(profile=saved)
    assert revision.changed_by == facilitator
    assert revision.before["new_participant_held"] == 0 and revision.after["new_participant_held"] == 2


def test_profile_page_reorders_rules(client_for, facilitator, profile, url):
    response = client_for(facilitator).post(url, form_data(profile, attacks__position="1", flood__position="4"))

    assert response.status_code == 302
    order = [step["rule"] for step in FacilitationProfile.objects.get(pk=profile.pk).rules]
    assert order[0] == "attacks"
    assert order.index("flood") > order.index("insults")


@pytest.mark.parametrize(
    "overrides",
    [
        {"shouting__ratio": "1.5"},
        {"links__max_links": "-1"},
        {"insults__slur": "ban"},
        {"flood__window_seconds": "soixante"},
        {"links__allowed_domains": "pas un domaine"},
        {"max_length": "0"},
        {"report_hide_threshold": ""},
    ],
)
def test_profile_page_refuses_bad_input_with_a_clear_error_and_changes_nothing(
    client_for, facilitator, profile, url, overrides
):
    before = FacilitationProfile.objects.get(pk=profile.pk)

    response = client_for(facilitator).post(url, form_data(profile, **overrides))

    assert response.status_code == 400
    assert 'class="field__errors"' in response.content.decode()
    after = FacilitationProfile.objects.get(pk=profile.pk)
    assert (after.rules, after.max_length, after.updated_at) == (before.rules, before.max_length, before.updated_at)
    assert not FacilitationProfileRevision.objects.exists()


def test_profile_page_unknown_profile_is_404(client_for, facilitator):
    assert client_for(facilitator).get(reverse("moderation:profile_edit", args=["inconnu"])).status_code == 404


def test_profile_page_allowed_domains_are_kept_as_a_list(client_for, facilitator, profile, url, context):
    client_for(facilitator).post(url, form_data(profile, links__allowed_domains="ville.example.fr, www.asso.fr"))

    saved = FacilitationProfile.objects.get(pk=profile.pk)
    links = next(step for step in saved.rules if step["rule"] == "links")
    assert links["params"]["allowed_domains"] == ["ville.example.fr", "asso.fr"]
    assert run(steps_for(saved), context("https://ville.example.fr/agenda", published_count=0)).decision is (
        Decision.ALLOW
    )


def test_profile_page_queries_stay_few(client_for, facilitator, profile, url, django_assert_max_num_queries):
    client = client_for(facilitator)
    for _ in range(12):
        profile_update(
            actor=facilitator, profile=profile, changes={"max_length": FacilitationProfile.objects.get().max_length + 1}
        )

    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_profile_update_service_checks_permission_and_input(resident, make_user, profile):
    facilitator = make_user(roles=[Role.FACILITATOR])

    with pytest.raises(PermissionDenied):
        profile_update(actor=resident, profile=profile, changes={"max_length": 10})
    with pytest.raises(InvalidInput) as error:
        profile_update(actor=facilitator, profile=profile, changes={"rules": [{"rule": "telepathy"}]})
    assert error.value.code == "INVALID_RULES"
    with pytest.raises(InvalidInput):
        profile_update(actor=facilitator, profile=profile, changes={"slug": "autre"})
    with pytest.raises(InvalidInput):
        profile_update(actor=facilitator, profile=profile, changes={"new_participant_held": -1})

    unchanged = profile_update(actor=facilitator, profile=profile, changes={"max_length": profile.max_length})

    assert unchanged.updated_at == profile.updated_at
    assert not FacilitationProfileRevision.objects.exists()


def test_account_export_lists_the_profile_changes_of_that_user_only(client_for, facilitator, superuser, profile):
    profile_update(actor=facilitator, profile=profile, changes={"max_length": 1500})
    profile_update(actor=superuser, profile=profile, changes={"max_length": 1600})

    response = client_for(facilitator).get(reverse("accounts:export"))

    changes = response.json()["moderation"]["facilitation_profile_changes"]
    assert len(changes) == 1
    assert changes[0]["profile"] == profile.name

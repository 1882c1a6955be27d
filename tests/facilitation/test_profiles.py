"""Facilitation profiles as pipeline steps: the default profile, disabled and unknown rules, and
the per-profile cache that follows edits."""

import pytest

from facilitation.filters import RULES, ProfileError, compile_steps, history_needed, steps_for, validate
from facilitation.models import FacilitationProfile
from facilitation.pipeline import Decision, run

pytestmark = pytest.mark.django_db


def test_default_profile_runs_every_content_rule(context):
    profile = FacilitationProfile.default()

    steps = steps_for(profile)

    assert profile.slug == "non-violent"
    assert [rule.__name__ for rule, _ in steps] == list(RULES)
    assert run(steps, context("Quel connard")).decision is Decision.HOLD


def test_steps_for_skips_disabled_rules(context):
    profile = FacilitationProfile.objects.create(
        name="Sans cris",
        slug="sans-cris",
        rules=[{"rule": "shouting", "enabled": False}, {"rule": "insults", "enabled": True, "params": {}}],
    )

    steps = steps_for(profile)

    assert [rule.__name__ for rule, _ in steps] == ["insults"]
    assert run(steps, context("ARRÊTEZ DE BÉTONNER NOTRE QUARTIER")).decision is Decision.ALLOW


def test_steps_for_refuses_unknown_rules_and_parameters_clearly():
    profile = FacilitationProfile.objects.create(
        name="Cassé",
        slug="casse",
        rules=[
            {"rule": "insults", "enabled": True, "params": {"slur": "ban"}},
            {"rule": "telepathy", "enabled": True},
            {"rule": "links", "params": {"max_links": -1, "colour": "red"}},
        ],
    )

    with pytest.raises(ProfileError) as error:
        steps_for(profile)

    assert "telepathy" in str(error.value)
    assert len(error.value.errors) == 4
    assert any("slur" in message for message in error.value.errors)
    assert any("colour" in message for message in error.value.errors)


@pytest.mark.parametrize(
    "rules",
    [
        "insults",
        [["insults"]],
        [{"enabled": True}],
        [{"rule": "insults", "enabled": "yes"}],
        [{"rule": "insults", "params": ["hold"]}],
        [{"rule": "shouting", "params": {"ratio": 2}}],
        [{"rule": "links", "params": {"allowed_domains": "ville.fr"}}],
        [{"rule": "newcomers", "params": {"count": True}}],
    ],
)
def test_validate_reports_malformed_rule_lists(rules):
    assert validate(rules)
    with pytest.raises(ProfileError):
        compile_steps(rules)


def test_steps_for_merges_defaults_and_takes_the_newcomers_count_from_the_profile():
    profile = FacilitationProfile.objects.create(
        name="Accueil",
        slug="accueil",
        new_participant_held=3,
        rules=[{"rule": "newcomers", "enabled": True}, {"rule": "links", "params": {"max_links": 5}}],
    )

    (_, newcomers), (_, links) = steps_for(profile)

    assert newcomers["count"] == 3
    assert links["max_links"] == 5 and links["first_messages"] == 3


def test_steps_for_caches_per_profile_without_queries(django_assert_num_queries):
    profile = FacilitationProfile.default()
    first = steps_for(profile)

    with django_assert_num_queries(0):
        again = steps_for(profile)

    assert again == first
    assert again[0][1] is first[0][1]  # the same compiled parameters, not a copy


def test_steps_for_recompiles_when_the_profile_changes(context):
    profile = FacilitationProfile.default()
    before = steps_for(profile)
    assert run(before, context("merde alors")).decision is Decision.NUDGE

    # Another process edits the profile: the next message sees the new version.
    edited = FacilitationProfile.objects.get(pk=profile.pk)
    for step in edited.rules:
        if step["rule"] == "insults":
            step["params"]["vulgar"] = "hold"
    edited.save()
    fresh = FacilitationProfile.objects.get(pk=profile.pk)

    after = steps_for(fresh)

    assert fresh.updated_at != profile.updated_at
    assert run(after, context("merde alors")).decision is Decision.HOLD


def test_steps_for_follows_the_newcomers_field_too(context):
    profile = FacilitationProfile.default()
    assert run(steps_for(profile), context("Bonjour", published_count=0)).decision is Decision.ALLOW

    profile.new_participant_held = 1
    profile.save()

    assert run(steps_for(profile), context("Bonjour", published_count=0)).code == "NEW_PARTICIPANT"


def test_history_needed_follows_the_flood_threshold():
    profile = FacilitationProfile.objects.create(
        name="Lent", slug="lent", rules=[{"rule": "flood", "params": {"max_messages": 12}}]
    )

    assert history_needed(profile) == 12
    assert history_needed(FacilitationProfile.default()) == 5

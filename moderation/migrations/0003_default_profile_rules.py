"""The default "non-violent" profile runs every content rule, in this order, with the defaults
of moderation.rules (thresholds are written out so that facilitators see and edit them)."""

from django.db import migrations

DEFAULT_RULES = [
    {
        "rule": "flood",
        "enabled": True,
        "params": {"duplicate": "reject", "duplicate_seconds": 3600, "duplicate_min_chars": 12, "max_messages": 5, "window_seconds": 60, "burst": "reject"},
    },
    {"rule": "shouting", "enabled": True, "params": {"min_letters": 12, "ratio": 0.7, "decision": "nudge"}},
    {"rule": "insults", "enabled": True, "params": {"slur": "hold", "insult": "hold", "vulgar": "nudge"}},
    {"rule": "attacks", "enabled": True, "params": {"decision": "nudge"}},
    {"rule": "links", "enabled": True, "params": {"max_links": 2, "first_messages": 3, "decision": "hold", "allowed_domains": []}},
    # "count" is left out: the profile's "first messages held" field (0 by default) applies.
    {"rule": "newcomers", "enabled": True, "params": {"decision": "hold"}},
    {"rule": "reformulation", "enabled": True, "params": {"min_words": 3, "decision": "reject"}},
]


def fill_rules(apps, schema_editor):
    FacilitationProfile = apps.get_model("moderation", "FacilitationProfile")
    # Only an untouched profile: a facilitator's edits are never overwritten.
    for profile in FacilitationProfile.objects.filter(slug="non-violent"):
        if not profile.rules:
            profile.rules = DEFAULT_RULES
            profile.save(update_fields=["rules", "updated_at"])


def empty_rules(apps, schema_editor):
    FacilitationProfile = apps.get_model("moderation", "FacilitationProfile")
    for profile in FacilitationProfile.objects.filter(slug="non-violent"):
        if profile.rules == DEFAULT_RULES:
            profile.rules = []
            profile.save(update_fields=["rules", "updated_at"])


class Migration(migrations.Migration):
    dependencies = [("moderation", "0002_default_profile")]
    operations = [migrations.RunPython(fill_rules, empty_rules)]

"""The default "non-violent" profile gains the rules of the evaluation corpus: threats and
incitement (always held), attacks on a third person or an official, generalisations about a
group, exclusion, mocking emoji and the pluggable classifier (inert until a setting names one); the insults rule gains its decision for a word with an
ordinary sense too. Reverting removes them again.

Only the default profile is changed, and only the steps it lacks are added, so that a
facilitator's edits of the existing steps are kept.
"""

from django.db import migrations

NEW_STEPS = [
    {"rule": "threats", "enabled": True, "params": {"decision": "hold", "phrases": []}},
    {"rule": "third_party", "enabled": True, "params": {"decision": "nudge"}},
    {"rule": "generalisations", "enabled": True, "params": {"decision": "nudge"}},
    {"rule": "exclusion", "enabled": True, "params": {"decision": "nudge", "phrases": []}},
    {"rule": "sarcasm", "enabled": True, "params": {"decision": "nudge"}},
    # Does nothing until the setting MODERATION_CLASSIFIER names a classifier.
    {"rule": "classifier", "enabled": True, "params": {"nudge_above": 0.5, "hold_above": 0.9}},
]
# The new steps go right after "attacks": content rules first, then links and newcomers.
AFTER = "attacks"


def _with_new_steps(rules):
    names = {step.get("rule") for step in rules}
    new = [step for step in NEW_STEPS if step["rule"] not in names]
    if not new:
        return rules
    position = next((i + 1 for i, step in enumerate(rules) if step.get("rule") == AFTER), len(rules))
    result = [*rules[:position], *new, *rules[position:]]
    for step in result:
        if step.get("rule") == "insults":
            step.setdefault("params", {}).setdefault("ambiguous", "nudge")
    return result


def add_steps(apps, schema_editor):
    FacilitationProfile = apps.get_model("moderation", "FacilitationProfile")
    for profile in FacilitationProfile.objects.filter(slug="non-violent"):
        rules = _with_new_steps(list(profile.rules or []))
        if rules != profile.rules:
            profile.rules = rules
            profile.save(update_fields=["rules", "updated_at"])


def remove_steps(apps, schema_editor):
    FacilitationProfile = apps.get_model("moderation", "FacilitationProfile")
    names = {step["rule"] for step in NEW_STEPS}
    for profile in FacilitationProfile.objects.filter(slug="non-violent"):
        rules = [step for step in profile.rules or [] if step.get("rule") not in names]
        for step in rules:
            if step.get("rule") == "insults":
                step.get("params", {}).pop("ambiguous", None)
        profile.rules = rules
        profile.save(update_fields=["rules", "updated_at"])


class Migration(migrations.Migration):
    dependencies = [("moderation", "0006_moderation_log_trigger")]
    operations = [migrations.RunPython(add_steps, remove_steps)]

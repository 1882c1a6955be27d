"""Every site starts with the "non-violent" facilitation profile."""

from django.db import migrations


def create_default(apps, schema_editor):
    FacilitationProfile = apps.get_model("moderation", "FacilitationProfile")
    FacilitationProfile.objects.get_or_create(
        slug="non-violent",
        defaults={
            "name": "Communication non violente",
            "description": "Le profil par défaut : règles de facilitation non violente.",
            "is_default": True,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]
    operations = [migrations.RunPython(create_default, migrations.RunPython.noop)]

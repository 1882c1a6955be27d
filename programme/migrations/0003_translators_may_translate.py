from django.db import migrations

from programme.editorial import grant_translation, revoke_translation


class Migration(migrations.Migration):
    """Editors and elected officials may start translations and sync translated pages."""

    dependencies = [
        ("programme", "0002_engagement_number_per_locale"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_translation, revoke_translation)]

"""The connector role (social prescribing): a group like the other roles, without admin access."""

from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="connector")


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="connector").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_role_groups")]
    operations = [migrations.RunPython(create_group, remove_group)]

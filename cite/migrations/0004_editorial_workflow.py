"""Editorial roles and workflow: editors write and submit, elected officials approve and publish.

The permissions are given on the site's home page, so they cover the whole programme tree, and on
the root collection for images and documents. The workflow "editor submits → elected official
approves" is attached to the home page: every page of the site goes through it.
"""

from django.db import migrations

from programme.editorial import create_workflow as _create_workflow
from programme.editorial import remove_workflow


def create_workflow(apps, schema_editor):
    # At this point of the history the home page model still belonged to this app.
    _create_workflow(apps, schema_editor, home_model=("cite", "HomePage"))


class Migration(migrations.Migration):
    dependencies = [
        ("cite", "0003_programme_pages"),
        ("accounts", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_workflow, remove_workflow)]

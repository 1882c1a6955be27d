"""Moving models from one app to another without touching their rows.

A model that changes app keeps its table (its ``Meta.db_table`` names the old app's table and
the new app's migration takes it over in the state only) and its content type row: the row's
``app_label`` is updated in place, so that what points to it — Wagtail pages'
``content_type``, revisions, permissions given to groups, log entries — keeps pointing to the
same model.
"""

from django.db import migrations


def _relabel(apps, source: str, target: str, models: tuple[str, ...]) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in models:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        # A row the new app's post_migrate made on an earlier run holds nothing yet: the moved one wins.
        ContentType.objects.filter(app_label=target, model=model).exclude(pk=old.pk).delete()
        old.app_label = target
        old.save(update_fields=["app_label"])


def move_content_types(*, source: str, target: str, models: tuple[str, ...]) -> migrations.RunPython:
    """The operation that gives ``models`` (lower-case names) of app ``source`` to app ``target``."""

    def forwards(apps, schema_editor):
        _relabel(apps, source, target, models)

    def backwards(apps, schema_editor):
        _relabel(apps, target, source, models)

    return migrations.RunPython(forwards, backwards)


def take_over(*, operations: list) -> migrations.SeparateDatabaseAndState:
    """The new app's migration operation for models that another app's migrations created: the
    ``CreateModel`` operations (with the models' ``db_table``, the old app's table names) change
    only the state. The tables keep their names: SQLite would not follow a renamed table from the
    foreign keys of other tables."""
    return migrations.SeparateDatabaseAndState(state_operations=operations)

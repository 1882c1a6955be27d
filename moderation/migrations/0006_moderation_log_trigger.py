"""On PostgreSQL, the database itself refuses to change or delete a row of the moderation log,
whatever the code path (raw SQL, another client, a bug). TRUNCATE, which only an administrator
runs on purpose, is not a row operation and stays possible.

SQLite gets no trigger: Django's test flush empties tables with DELETE, and the model and
manager already refuse both operations."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION moderation_action_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'moderation_moderationaction is append-only (' || TG_OP || ' refused)';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS moderation_action_append_only ON moderation_moderationaction;
CREATE TRIGGER moderation_action_append_only
    BEFORE UPDATE OR DELETE ON moderation_moderationaction
    FOR EACH ROW EXECUTE FUNCTION moderation_action_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS moderation_action_append_only ON moderation_moderationaction;
DROP FUNCTION IF EXISTS moderation_action_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0005_moderation_log")]

    operations = [migrations.RunPython(create, drop)]

"""The database itself refuses to change or delete a sign-off, so that not even
raw SQL from an administrator's console rewrites a decision. (TRUNCATE, used only to reset test
databases, is not a row change and is not affected.)"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION workflow_signoff_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'A sign-off is never changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER workflow_signoff_immutable
    BEFORE UPDATE OR DELETE ON workflow_signoff
    FOR EACH ROW EXECUTE FUNCTION workflow_signoff_immutable();
"""

DROP = """
DROP TRIGGER IF EXISTS workflow_signoff_immutable ON workflow_signoff;
DROP FUNCTION IF EXISTS workflow_signoff_immutable();
"""


# SQLite (the `make run` default) refuses updates; deletes stay guarded by the model and its
# queryset, because SQLite empties test databases with DELETE.
SQLITE_CREATE = """
CREATE TRIGGER workflow_signoff_no_update BEFORE UPDATE ON workflow_signoff
BEGIN SELECT RAISE(ABORT, 'A sign-off is never changed'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS workflow_signoff_no_update;"


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(CREATE)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(DROP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("workflow", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]

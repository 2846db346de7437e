"""On PostgreSQL the database itself refuses to change or delete a sign-off, so that not even
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


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("workflow", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]

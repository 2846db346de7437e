"""Load the GB 6441 accident types from fixtures/accidents/.

gb6441_2025_accident_types.csv: GB 6441-2025《生产安全事故分类与编码》, 27 basic types, mandatory
since 2026-07-01; docs/sources.md trusts it "medium" (one conversion of the standard).
gb6441_accident_types.csv: the superseded GB 6441-1986 list of 20, kept for older records.
"""

import csv

from django.conf import settings
from django.db import migrations


def load(apps, schema_editor):
    AccidentType = apps.get_model("accidents", "AccidentType")
    base = settings.BASE_DIR / "fixtures" / "accidents"
    with open(base / "gb6441_2025_accident_types.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            AccidentType.objects.update_or_create(
                edition="2025", code=row["code"],
                defaults={"name": row["name_zh"], "name_en": row["name_en"], "order": int(row["seq"])},
            )
    with open(base / "gb6441_accident_types.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            AccidentType.objects.update_or_create(
                edition="1986", code=row["code"],
                defaults={"name": row["name_zh"], "name_en": row["name_en"], "order": int(row["code"])},
            )


class Migration(migrations.Migration):
    dependencies = [("accidents", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

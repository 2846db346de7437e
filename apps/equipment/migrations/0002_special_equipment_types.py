"""Load the 特种设备目录 sub-categories from fixtures/equipment/special_equipment_types.csv.

docs/sources.md rates the categories high but the intervals mixed: a blank interval (固定式压力容器,
气瓶, 氧舱, pressure piping, some cranes, amusement rides) was not confirmed in a readable source,
and the 移动式压力容器, 气瓶 and 场(厂)内机动车辆 notes rest on older or weak sources to check against
the current TSG. Such equipment gets its interval set per item; the note is shown with the type.
"""

import csv

from django.conf import settings
from django.db import migrations


def load(apps, schema_editor):
    SpecialEquipmentType = apps.get_model("equipment", "SpecialEquipmentType")
    path = settings.BASE_DIR / "fixtures" / "equipment" / "special_equipment_types.csv"
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            SpecialEquipmentType.objects.update_or_create(
                code=row["subcategory_code"],
                defaults={
                    "category_code": row["category_code"],
                    "category": row["category_zh"],
                    "name": row["subcategory_zh"],
                    "interval_months": int(row["inspection_interval_months"])
                    if row["inspection_interval_months"]
                    else None,
                    "interval_note": row["interval_note_zh"],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("equipment", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

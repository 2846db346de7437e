"""Load GB 18218-2018 表1 (named substances, with β of 表3) and 表2 (categories, with β of 表4)
from fixtures/major_hazards/, the same CSV files the identification module reads."""

import csv

from django.conf import settings
from django.db import migrations


def _read(name):
    with open(settings.BASE_DIR / "fixtures" / "major_hazards" / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load(apps, schema_editor):
    Substance = apps.get_model("major_hazards", "Substance")
    HazardCategory = apps.get_model("major_hazards", "HazardCategory")
    betas = {}
    category_beta = {}
    for row in _read("gb18218_2018_beta.csv"):
        if row["kind"] == "substance":
            betas[row["cas"] or row["key"]] = (row["key"], row["beta"])
        else:
            category_beta[row["key"]] = row["beta"]
    used = set()
    for row in _read("gb18218_2018_table1_substances.csv"):
        beta = None
        for key in (*row["cas"].split(";"), row["name_zh"]):
            if key in betas:
                beta = betas[key][1]
                used.add(key)
                break
        Substance.objects.update_or_create(
            name=row["name_zh"],
            defaults={"seq": int(row["seq"]), "aliases": row["aliases_zh"], "cas": row["cas"],
                      "critical_quantity": row["critical_quantity_t"], "beta": beta},
        )
    for key, (name, beta) in betas.items():
        if key not in used:  # 一氧化碳: in 表3 but not in 表1; its Q comes from its categories
            Substance.objects.update_or_create(
                name=name, defaults={"seq": None, "cas": key if key != name else "", "beta": beta}
            )
    for row in _read("gb18218_2018_table2_categories.csv"):
        HazardCategory.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["category_zh"], "description": row["description_zh"],
                      "critical_quantity": row["critical_quantity_t"],
                      "beta": category_beta[row["code"]]},
        )


class Migration(migrations.Migration):
    dependencies = [("major_hazards", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

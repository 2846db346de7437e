"""Seed the two rule sets of hours from apps.training.rules, make "default" the one in force,
and load the special-operation and special-equipment catalogues from fixtures/training/."""

from django.db import migrations

SOURCES = {
    "default": "The brief's figures (项目默认).",
    "national": "生产经营单位安全培训规定(安监总局令第3号, as amended); 安委〔2012〕10号.",
}


def seed(apps, schema_editor):
    from apps.training import rules
    from apps.training.catalogues import load_catalogues

    RuleSet = apps.get_model("training", "RuleSet")
    RuleSetRow = apps.get_model("training", "RuleSetRow")
    TrainingSettings = apps.get_model("training", "TrainingSettings")
    for code, table in rules.TABLES.items():
        ruleset, _created = RuleSet.objects.get_or_create(
            code=code, defaults={"name": rules.RULESET_NAMES[code], "source": SOURCES[code]}
        )
        for (role, high_risk), (initial, annual) in table.items():
            RuleSetRow.objects.get_or_create(
                ruleset=ruleset,
                role=role,
                high_risk=high_risk,
                defaults={"initial_hours": initial, "annual_hours": annual},
            )
    if not TrainingSettings.objects.exists():
        TrainingSettings.objects.create(pk=1, ruleset=RuleSet.objects.get(code="default"))
    load_catalogues(apps.get_model("training", "CertificateType"))


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

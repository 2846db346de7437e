from django.db import migrations, models
from django.db.models.functions import ExtractDay


def anchor_on_next_due(apps, schema_editor):
    """Each plan keeps to the day of its current next date: what the old stepping did from now on,
    except that a month without the day no longer moves the plan for good."""
    InspectionPlan = apps.get_model("hazards", "InspectionPlan")
    InspectionPlan.objects.update(anchor_day=ExtractDay("next_due"))


class Migration(migrations.Migration):
    dependencies = [
        ("hazards", "0003_statisticsreminder"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalinspectionplan",
            name="anchor_day",
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="inspectionplan",
            name="anchor_day",
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(anchor_on_next_due, migrations.RunPython.noop),
    ]

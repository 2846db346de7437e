from django.db import migrations, models


def split_supply_reminders(apps, schema_editor):
    """The single reminder date becomes the expiry's or the check's, whichever it was for."""
    Supply = apps.get_model("emergency", "Supply")
    for supply in Supply.objects.exclude(reminded_for__isnull=True):
        supply.expiry_reminded_for = (
            supply.reminded_for if supply.reminded_for == supply.expires_on else None
        )
        supply.check_reminded_for = (
            supply.reminded_for if supply.reminded_for == supply.next_check_due else None
        )
        supply.save(update_fields=["expiry_reminded_for", "check_reminded_for"])


class Migration(migrations.Migration):
    dependencies = [
        ("emergency", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="drill_overdue_reminded_for",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="plan",
            name="evaluation_overdue_reminded_for",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="supply",
            name="check_reminded_for",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="supply",
            name="expiry_reminded_for",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(split_supply_reminders, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="supply",
            name="reminded_for",
        ),
    ]

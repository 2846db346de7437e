from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0007_reminders_carried_over"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="task",
            name="last_reminded_on",
        ),
    ]

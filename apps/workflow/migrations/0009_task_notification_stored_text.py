"""Task titles and descriptions and notification messages become stored texts
(apps/core/text.py), rendered in the reader's language. The rows already there are plain
strings, which is what a stored text column reads as itself: nothing is converted or lost. The
new search column is filled from the existing titles and descriptions."""

import apps.core.text
from django.db import migrations, models


def fill_search_text(apps, schema_editor):
    Task = apps.get_model("workflow", "Task")
    batch = []
    for task in Task.objects.only("pk", "title", "description").iterator(chunk_size=2000):
        task.search_text = "\n".join(str(t) for t in (task.title, task.description) if str(t))
        batch.append(task)
        if len(batch) >= 2000:
            Task.objects.bulk_update(batch, ["search_text"])
            batch = []
    Task.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):

    dependencies = [
        ('workflow', '0008_remove_task_last_reminded_on'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicaltask',
            name='search_text',
            field=models.TextField(blank=True, editable=False, verbose_name='search text'),
        ),
        migrations.AddField(
            model_name='task',
            name='search_text',
            field=models.TextField(blank=True, editable=False, verbose_name='search text'),
        ),
        migrations.AlterField(
            model_name='historicaltask',
            name='description',
            field=apps.core.text.StoredTextField(blank=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicaltask',
            name='title',
            field=apps.core.text.StoredTextField(max_length=200, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='notification',
            name='message',
            field=apps.core.text.StoredTextField(verbose_name='message'),
        ),
        migrations.AlterField(
            model_name='task',
            name='description',
            field=apps.core.text.StoredTextField(blank=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='task',
            name='title',
            field=apps.core.text.StoredTextField(max_length=200, verbose_name='title'),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]

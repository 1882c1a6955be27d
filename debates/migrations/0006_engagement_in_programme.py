"""The engagement page moved to the programme app with its table: only the state changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('debates', '0005_hall_speakers'),
        ('programme', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='debate',
                    name='engagement',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='debates', to='programme.engagementpage', verbose_name='engagement'),
                ),
            ],
        ),
    ]

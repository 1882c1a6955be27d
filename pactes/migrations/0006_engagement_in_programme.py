"""The engagement page moved to the programme app with its table: only the state changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('pactes', '0005_fingerprint_journal_trigger_and_backfill'),
        ('programme', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='pact',
                    name='engagement',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pacts', to='programme.engagementpage'),
                ),
            ],
        ),
    ]

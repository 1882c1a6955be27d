"""The facilitation profile moved to the facilitation app with its table: only the state changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('debates', '0006_engagement_in_programme'),
        ('facilitation', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='debate',
                    name='profile',
                    field=models.ForeignKey(blank=True, help_text='Empty: the default profile.', null=True, on_delete=django.db.models.deletion.PROTECT, to='facilitation.facilitationprofile', verbose_name='facilitation profile'),
                ),
            ],
        ),
    ]

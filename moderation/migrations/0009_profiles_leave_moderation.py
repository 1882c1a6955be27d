"""The facilitation profiles now belong to the facilitation app, which took over their tables and
content types: this app forgets them in the state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('debates', '0007_profile_in_facilitation'),
        ('moderation', '0008_reformulation_mode'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='facilitationprofilerevision',
                    name='profile',
                ),
                migrations.RemoveField(
                    model_name='facilitationprofilerevision',
                    name='changed_by',
                ),
                migrations.DeleteModel(
                    name='FacilitationProfile',
                ),
                migrations.DeleteModel(
                    name='FacilitationProfileRevision',
                ),
            ],
        ),
    ]

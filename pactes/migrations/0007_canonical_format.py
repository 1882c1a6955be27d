"""The canonical form gets a format number. Every version written so far used the first format
(no ``format`` key): they keep it, so their fingerprints keep verifying; new versions use 2."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pactes", "0006_engagement_in_programme"),
    ]

    operations = [
        migrations.AddField(
            model_name="pactversion",
            name="canonical_format",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="canonical form format"),
        ),
        migrations.AlterField(
            model_name="pactversion",
            name="canonical_format",
            field=models.PositiveSmallIntegerField(default=2, verbose_name="canonical form format"),
        ),
    ]

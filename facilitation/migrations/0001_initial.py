"""The facilitation profiles and their revisions, which the first migrations created in
``moderation``: their tables, rows and content types are taken over as they are (``core.moves``)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.moves import move_content_types, take_over


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('moderation', '0008_reformulation_mode'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        move_content_types(source="moderation", target="facilitation", models=('facilitationprofile', 'facilitationprofilerevision')),
        take_over(
            operations=[
                migrations.CreateModel(
                    name='FacilitationProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('is_default', models.BooleanField(default=False, verbose_name='default profile')),
                        ('rules', models.JSONField(blank=True, default=list, verbose_name='rules')),
                        ('report_hide_threshold', models.PositiveSmallIntegerField(default=3, help_text='Number of distinct participants whose reports hide a message until a facilitator decides.', verbose_name='reports that hide a message')),
                        ('new_participant_held', models.PositiveSmallIntegerField(default=0, help_text='The first messages of a new participant wait for a facilitator (0: none).', verbose_name='first messages held for review')),
                        ('max_length', models.PositiveIntegerField(default=2000, verbose_name='maximum message length')),
                        ('reformulation_required', models.BooleanField(default=False, help_text="A reply must start by saying in one's own words what one understood of the message it answers. Facilitators can switch it on or off in each room.", verbose_name='reformulation mode')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ],
                    options={
                        'verbose_name': 'facilitation profile',
                        'verbose_name_plural': 'facilitation profiles',
                        'db_table': 'moderation_facilitationprofile',
                        'ordering': ['name'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('is_default', True)), fields=('is_default',), name='one_default_profile')],
                    },
                ),
                migrations.CreateModel(
                    name='FacilitationProfileRevision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='changed at')),
                        ('before', models.JSONField(verbose_name='before')),
                        ('after', models.JSONField(verbose_name='after')),
                        ('changed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
                        ('profile', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='facilitation.facilitationprofile', verbose_name='profile')),
                    ],
                    options={
                        'verbose_name': 'facilitation profile change',
                        'verbose_name_plural': 'facilitation profile changes',
                        'db_table': 'moderation_facilitationprofilerevision',
                        'ordering': ['-changed_at', '-pk'],
                    },
                ),
            ],
        ),
    ]

"""The yearly report and its frozen figures, which the first migrations created in ``cite``: their
tables, rows and content types are taken over as they are (``core.moves``)."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import evaluation.blocks
import evaluation.indicators.figures
import programme.models
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from core.moves import move_content_types, take_over


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cite', '0005_yearly_report'),
        ('programme', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        move_content_types(source="cite", target="evaluation", models=('yearlyreportpage', 'frozenfigure')),
        take_over(
            operations=[
                migrations.CreateModel(
                    name='YearlyReportPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('year', models.PositiveSmallIntegerField(default=programme.models._this_year, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                        ('summary', models.TextField(blank=True, max_length=600, verbose_name='summary')),
                        ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('engagement', 4), ('indicator', 7)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading', 'template': 'programme/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Paragraph'}), 2: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Engagement', 'page_type': ['programme.EngagementPage']}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Narrative'}), 4: ('wagtail.blocks.StructBlock', [[('engagement', 2), ('text', 3)]], {}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': evaluation.indicators.figures.figure_choices, 'label': 'Figure'}), 6: ('wagtail.blocks.ChoiceBlock', [], {'choices': evaluation.blocks._engagement_choices, 'help_text': 'Empty: all engagements.', 'label': 'Engagement', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('figure', 5), ('engagement', 6)]], {})}, verbose_name='body')),
                    ],
                    options={
                        'db_table': 'cite_yearlyreportpage',
                        'verbose_name': 'yearly report',
                        'verbose_name_plural': 'yearly reports',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='FrozenFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=40, verbose_name='figure')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                        ('engagement', models.PositiveSmallIntegerField(default=0, help_text='0: all engagements.', verbose_name='engagement')),
                        ('data', models.JSONField(verbose_name='data')),
                        ('frozen_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='frozen at')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='frozen_figures', to='evaluation.yearlyreportpage')),
                    ],
                    options={
                        'db_table': 'cite_frozenfigure',
                        'verbose_name': 'frozen figure',
                        'verbose_name_plural': 'frozen figures',
                        'constraints': [models.UniqueConstraint(fields=('page', 'key', 'year', 'engagement'), name='frozen_figure_once')],
                    },
                ),
            ],
        ),
    ]

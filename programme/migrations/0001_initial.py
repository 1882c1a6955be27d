"""The programme's pages, which the first migrations created in ``cite``: their tables, rows and
content types are taken over as they are (``core.moves``)."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import programme.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from core.moves import move_content_types, take_over


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cite', '0005_yearly_report'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        move_content_types(source="cite", target="programme", models=('engagementpage', 'homepage', 'newsindexpage', 'programmepage', 'standardpage', 'newspage', 'newspagetag')),
        take_over(
            operations=[
                migrations.CreateModel(
                    name='EngagementPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('number', models.PositiveSmallIntegerField(unique=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='number')),
                        ('summary', models.TextField(blank=True, help_text='Two or three sentences, shown on the tiles.', max_length=400, verbose_name='summary')),
                        ('principle', models.TextField(blank=True, verbose_name='principle')),
                        ('actions', wagtail.fields.StreamField([('action', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 200}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'Description', 'required': False}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('planned', 'Planned'), ('in_progress', 'In progress'), ('done', 'Done')], 'label': 'Status'}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'Responsible department', 'max_length': 150, 'required': False}), 4: ('wagtail.blocks.DateBlock', (), {'label': 'Start date', 'required': False}), 5: ('wagtail.blocks.DateBlock', (), {'label': 'End date', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('title', 0), ('description', 1), ('status', 2), ('department', 3), ('start_date', 4), ('end_date', 5)]], {})}, verbose_name='what the city does')),
                        ('example', wagtail.fields.StreamField([('example', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 200}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Place', 'max_length': 120, 'required': False}), 2: ('wagtail.blocks.TextBlock', (), {'label': 'Text'}), 3: ('wagtail.blocks.StructBlock', [[('title', 0), ('place', 1), ('text', 2)]], {})}, verbose_name='inspiring example')),
                    ],
                    options={
                        'db_table': 'cite_engagementpage',
                        'verbose_name': 'engagement page',
                        'ordering': ['number'],
                    },
                    bases=(programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'cite_homepage',
                        'verbose_name': 'home page',
                    },
                    bases=(programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='NewsIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'cite_newsindexpage',
                        'verbose_name': 'news index',
                    },
                    bases=(programme.models.RoutesToOneChildType, programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ProgrammePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'cite_programmepage',
                        'verbose_name': 'programme page',
                    },
                    bases=(programme.models.RoutesToOneChildType, programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, max_length=400, verbose_name='summary')),
                        ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 2), ('quote', 3), ('document', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading', 'template': 'programme/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Paragraph'}), 2: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image', 'template': 'programme/blocks/image.html'}), 3: ('wagtail.blocks.BlockQuoteBlock', (), {'label': 'Quote'}), 4: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title.", 'label': 'Link text', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('document', 4), ('title', 5)]], {})}, verbose_name='body')),
                    ],
                    options={
                        'db_table': 'cite_standardpage',
                        'verbose_name': 'standard page',
                    },
                    bases=(programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='NewsPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('date', models.DateField(default=django.utils.timezone.localdate, verbose_name='date')),
                        ('summary', models.TextField(blank=True, max_length=400, verbose_name='summary')),
                        ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 2), ('quote', 3), ('document', 6)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading', 'template': 'programme/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Paragraph'}), 2: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image', 'template': 'programme/blocks/image.html'}), 3: ('wagtail.blocks.BlockQuoteBlock', (), {'label': 'Quote'}), 4: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 5: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title.", 'label': 'Link text', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('document', 4), ('title', 5)]], {})}, verbose_name='body')),
                        ('engagement', models.ForeignKey(blank=True, help_text="The news item is also listed on this engagement's page.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='news', to='programme.engagementpage', verbose_name='engagement')),
                    ],
                    options={
                        'db_table': 'cite_newspage',
                        'verbose_name': 'news item',
                        'verbose_name_plural': 'news items',
                    },
                    bases=(programme.models.MetaMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='NewsPageTag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='programme.newspage')),
                        ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                    ],
                    options={
                        'db_table': 'cite_newspagetag',
                        'abstract': False,
                    },
                ),
                migrations.AddField(
                    model_name='newspage',
                    name='tags',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='programme.NewsPageTag', to='taggit.Tag', verbose_name='tags'),
                ),
            ],
        ),
    ]

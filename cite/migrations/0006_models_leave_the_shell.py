"""The pages and frozen figures now belong to the programme and evaluation apps, which took over
their tables and content types: this app forgets them in the state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('evaluation', '0001_initial'),
        ('pactes', '0006_engagement_in_programme'),
        ('debates', '0006_engagement_in_programme'),
        ('cite', '0005_yearly_report'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='newspage',
                    name='engagement',
                ),
                migrations.RemoveField(
                    model_name='frozenfigure',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='homepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newsindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newspage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='newspage',
                    name='tags',
                ),
                migrations.RemoveField(
                    model_name='newspagetag',
                    name='content_object',
                ),
                migrations.RemoveField(
                    model_name='newspagetag',
                    name='tag',
                ),
                migrations.RemoveField(
                    model_name='programmepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='standardpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='yearlyreportpage',
                    name='page_ptr',
                ),
                migrations.DeleteModel(
                    name='EngagementPage',
                ),
                migrations.DeleteModel(
                    name='FrozenFigure',
                ),
                migrations.DeleteModel(
                    name='HomePage',
                ),
                migrations.DeleteModel(
                    name='NewsIndexPage',
                ),
                migrations.DeleteModel(
                    name='NewsPage',
                ),
                migrations.DeleteModel(
                    name='NewsPageTag',
                ),
                migrations.DeleteModel(
                    name='ProgrammePage',
                ),
                migrations.DeleteModel(
                    name='StandardPage',
                ),
                migrations.DeleteModel(
                    name='YearlyReportPage',
                ),
            ],
        ),
    ]

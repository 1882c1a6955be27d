from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """The evaluation of engagement 10: indicators, the public dashboard and the yearly report."""

    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        from wagtail.signals import page_published

        from evaluation.models import YearlyReportPage
        from evaluation.reports import freeze_on_publish

        page_published.connect(freeze_on_publish, sender=YearlyReportPage, dispatch_uid="evaluation_report_freeze")

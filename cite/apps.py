from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiteConfig(AppConfig):
    name = "cite"
    verbose_name = _("City site")

    def ready(self):
        from django.urls import register_converter
        from wagtail.signals import page_published

        from cite.urlsafety import IdConverter

        # Before any URL configuration is read: the apps' routes take ids as ``<id:pk>``.
        register_converter(IdConverter, "id")

        from cite.models import YearlyReportPage
        from cite.reports import freeze_on_publish

        page_published.connect(freeze_on_publish, sender=YearlyReportPage, dispatch_uid="cite_report_freeze")

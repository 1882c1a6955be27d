from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cite import media
from cite.sitemaps import SITEMAPS
from core.health import healthz
from notifications import views as notification_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("compte/notifications/", notification_views.preferences, name="notification_preferences"),
    path("compte/", include("accounts.urls")),
    path("notifications/", include("notifications.urls")),
    path("debats/", include("debates.urls")),
    path("moderation/", include("moderation.urls")),
    path("pactes/", include("pactes.urls")),
    path("offres/", include("offres.urls")),
    path("orientation/", include("orientation.urls")),
    path("benevolat/", include("benevolat.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The sitemap lists the pages of every app: the shell puts it together (cite/sitemaps.py).
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="cite_sitemap"),
    path("", include("evaluation.urls")),
    path("", include("programme.urls")),
]

# Only Wagtail's image renditions are public under MEDIA_URL, in every mode; every other upload
# goes through its app's access-checked view (cite/media.py).
urlpatterns += media.urlpatterns()

handler400 = "core.error_pages.bad_request"
handler403 = "core.error_pages.permission_denied"
handler404 = "core.error_pages.page_not_found"
handler500 = "core.error_pages.server_error"

# Wagtail serves every other path from its page tree; it comes last.
urlpatterns.append(path("", include(wagtail_urls)))

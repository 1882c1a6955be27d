from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cite import media
from cite.sitemaps import sitemap_urlpatterns
from core.health import healthz
from notifications import views as notification_views
from programme import urls as programme_urls

# Outside the language prefix: probes, the language switch's old form, the admins, documents,
# robots.txt and the sitemap (docs/i18n.md).
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *programme_urls.unprefixed_urlpatterns,
    *sitemap_urlpatterns,
]

# Only Wagtail's image renditions are public under MEDIA_URL, in every mode; every other upload
# goes through its app's access-checked view (cite/media.py).
urlpatterns += media.urlpatterns()

# Every page people read, in their language: French at the root (the addresses already shared
# keep working), English under /en/. Wagtail serves every other path from its page tree: last.
urlpatterns += i18n_patterns(
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
    path("", include("evaluation.urls")),
    path("", include("programme.urls")),
    path("", include(programme_urls.page_urlpatterns)),
    prefix_default_language=False,
)

handler400 = "core.error_pages.bad_request"
handler403 = "core.error_pages.permission_denied"
handler404 = "core.error_pages.page_not_found"
handler500 = "core.error_pages.server_error"

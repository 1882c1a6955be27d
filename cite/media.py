"""The public part of ``MEDIA_ROOT``: Wagtail's image renditions, in every mode.

Uploaded files are private until a view says otherwise: attachments, photos and reports of
pacts are served only by their app's access-checked views, whatever the mode. So ``MEDIA_URL``
is never routed as a whole; only the folders of ``PUBLIC_MEDIA_FOLDERS`` are, and a reverse
proxy in front of the site must do the same (docs/operations.md).
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.decorators.http import require_GET
from django.views.static import serve


@require_GET
def public_media(request, folder: str, path: str):
    if folder not in settings.PUBLIC_MEDIA_FOLDERS:
        raise Http404()
    # django.views.static.serve refuses any path leaving the folder (.., absolute paths).
    return serve(request, path, document_root=str(Path(settings.MEDIA_ROOT) / folder))


def urlpatterns() -> list:
    prefix = settings.MEDIA_URL.strip("/")
    return [re_path(rf"^{prefix}/(?P<folder>[a-z_]+)/(?P<path>.+)$", public_media, name="public_media")]

"""WebSocket routes of every app."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings


def _app_routes() -> list:
    routes = []
    for app in settings.PROJECT_APPS:
        if find_spec(f"{app}.routing") and app != "cite":
            routes += import_module(f"{app}.routing").websocket_urlpatterns
    return routes


websocket_urlpatterns = _app_routes()

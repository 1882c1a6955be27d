"""ASGI entry point served by daphne: HTTP through Django, WebSockets through Channels.

WebSocket connections are authenticated by the session cookie and refused unless their
``Origin`` is one of the site's own origins, scheme, host and port (``cite.origin``; cross-site
WebSocket hijacking).
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cite.settings.dev")
# Django must be set up before the routing (and so the consumers and models) is imported.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from cite.auth import DeferredAuthMiddlewareStack  # noqa: E402
from cite.origin import SameOriginValidator  # noqa: E402
from cite.routing import websocket_urlpatterns  # noqa: E402
from moderation.rules.language import warm  # noqa: E402

# The language detector's model loads in about half a second: at start-up, not on a message.
warm()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SameOriginValidator(DeferredAuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)

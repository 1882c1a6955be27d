"""Session authentication of WebSockets, read in the consumer's own trip to the database.

Channels' ``AuthMiddleware`` reads the session and the account before the consumer starts: one
more trip to the database thread per socket, which is a good part of the cost of joining a room
when a crowd arrives. Here ``scope["user"]`` is the same user, read (with the same checks:
session, backend, password hash) the first time a consumer touches it — which consumers do in
their database thread, never in the event loop.
"""

from __future__ import annotations

from channels.auth import get_user
from channels.middleware import BaseMiddleware
from channels.sessions import CookieMiddleware, SessionMiddleware
from django.utils.functional import LazyObject


class DeferredUser(LazyObject):
    def __init__(self, scope):
        super().__init__()
        self.__dict__["_scope"] = scope

    def _setup(self):
        # ``get_user`` is channels' own function (session, backend, auth hash), run here in the
        # calling thread instead of a thread of its own.
        self._wrapped = get_user.func(self.__dict__["_scope"])


class DeferredAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        scope = dict(scope)
        scope["user"] = DeferredUser(scope)
        return await super().__call__(scope, receive, send)


def DeferredAuthMiddlewareStack(inner):
    return CookieMiddleware(SessionMiddleware(DeferredAuthMiddleware(inner)))

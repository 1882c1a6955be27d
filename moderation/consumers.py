"""The facilitators' queue, live: the page's socket hears that a debate's queue changed and
fetches the queue again over HTTP (the server renders it, with its forms). Nothing is decided
over this socket; decisions are plain form posts, so the page works the same without it."""

from __future__ import annotations

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils.translation import gettext as _

from accounts.sockets import lacks_second_factor, socket_account
from core import sockets
from core.sockets import CLOSE_REVOKED, CLOSE_ROLE_CHANGED

from . import events, selectors

CLOSE_FORBIDDEN = 4403


class QueueConsumer(AsyncWebsocketConsumer):
    # Revocation (core.sockets): a facilitator who logs out, is deactivated or loses their
    # second factor stops hearing the queue at once, on every process; one taken off a debate
    # stops hearing that debate's queue (the socket re-reads its groups, and closes with 4403
    # if none is left). The queue itself is fetched over HTTP, where every request is checked:
    # a revocation missed while the layer was down leaves at most "queue changed" notices,
    # never the queue's content.

    async def connect(self):
        self.groups_joined: list[str] = []
        self.user_id = None
        groups = await database_sync_to_async(self._groups)(self.scope.get("user"))
        if groups is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined = groups
        await sockets.register(self)
        await self.accept()

    def concerns(self, debate_id: int) -> bool:
        return True  # taken off a debate or given one: the debates it hears change

    async def revoke(self, code: int) -> None:
        if code != CLOSE_ROLE_CHANGED:
            await self.close(code=code)
            return
        groups = await database_sync_to_async(self._recheck)()
        if groups is None:
            await self.close(code=CLOSE_REVOKED)
            return
        if not groups:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        for group in set(self.groups_joined) - set(groups):
            await self.channel_layer.group_discard(group, self.channel_name)
        for group in set(groups) - set(self.groups_joined):
            await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined = groups
        # The page fetches the queue again: the debate it no longer facilitates leaves it.
        await self.send(text_data=json.dumps({"type": "queue.changed", "debate_id": None}))

    def _recheck(self) -> list[str] | None:
        """The groups after a change of role, read with the account fresh from the database;
        None if the session may no longer act at all."""
        user = socket_account(user_id=self.user_id, session_key=self.session_key)
        return None if user is None else (self._groups(user) or [])

    def _groups(self, user) -> list[str] | None:
        """The groups this account may listen to, or None; run in the database thread (the
        account itself is read from the session on first use, cite.auth)."""
        if user is None or not user.is_authenticated or not user.has_perm("moderation.view_queue"):
            return None
        if lacks_second_factor(user):  # pages send such staff to set up TOTP first
            return None
        self.user_id = user.pk
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        if user.has_perm("moderation.view_all_appeals"):
            return [events.ALL_GROUP]
        ids = selectors.debates_moderated_by(user=user).values_list("pk", flat=True)
        return [events.debate_group(pk) for pk in ids]

    async def disconnect(self, code):
        await sockets.unregister(self)
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        # The page sends nothing but keep-alives; anything else gets a clear error frame.
        if text_data == '{"type":"ping"}':
            await self.send(text_data='{"type":"pong"}')
            return
        await self.send(
            text_data=json.dumps(
                {
                    "type": "error",
                    "code": "UNKNOWN_TYPE",
                    "detail": _("This socket only listens for changes of the queue."),
                }
            )
        )

    async def moderation_event(self, event):
        await self.send(text_data=json.dumps({"type": "queue.changed", "debate_id": event["debate_id"]}))

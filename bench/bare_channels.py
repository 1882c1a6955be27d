"""The baseline "bare Channels broadcast": every socket joins the group; a broadcast is one
``group_send``, i.e. one layer message and one JSON encoding per socket. Served by daphne:
``daphne bench.bare_channels:application``."""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

GROUP = "bench"


class BareConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.channel_layer.group_add(GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        frame = json.loads(text_data)
        await self.channel_layer.group_send(GROUP, {"type": "bench.message", "frame": frame})

    async def bench_message(self, event):
        await self.send(text_data=json.dumps(event["frame"]))


application = ProtocolTypeRouter({"websocket": URLRouter([path("ws/bare/", BareConsumer.as_asgi())])})

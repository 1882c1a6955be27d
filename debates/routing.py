from django.urls import path

from debates.consumers import RoomConsumer

websocket_urlpatterns = [path("ws/debats/<slug:slug>/", RoomConsumer.as_asgi())]

"""The room socket under abuse, through the real ASGI application: what a socket relies on is
checked again on every acting frame, revocations close sockets at once, budgets hold across
sockets, text is validated before anything is stored, the Origin is compared in full, and a
deleted person's name is not replayed."""

import uuid

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client, override_settings

from accounts import services as accounts
from debates import services
from debates.models import Message, Participation, Report, RoomEvent
from moderation import services as moderation

pytestmark = pytest.mark.django_db(transaction=True)


def post_frame(body="Bonjour à toutes et à tous", **fields):
    return {"type": "message.post", "client_id": str(uuid.uuid4()), "body": body, **fields}


@database_sync_to_async
def count(model, **filters):
    return model.objects.filter(**filters).count()


@database_sync_to_async
def db(function, *args, **kwargs):
    return function(*args, **kwargs)


async def closed_with(socket) -> int:
    """Skip frames until the server closes the socket; its close code."""
    while True:
        output = await socket.communicator.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return output["code"]


def _session_key(socket) -> str:
    return socket.communicator.scope["headers"][-1][1].decode().split("=", 1)[1]


# --- 1. a socket re-checks its session, its account and its role -------------------------------


async def test_logout_closes_the_sessions_socket_with_4401(connect, debate, resident, joined):
    await db(joined, resident)
    socket = await connect(debate, resident)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = _session_key(socket)
    response = await db(client.post, "/accounts/logout/")
    assert response.status_code == 302
    assert await closed_with(socket) == 4401


async def test_acting_frame_after_the_session_was_deleted_is_refused_and_closes(connect, debate, resident, joined):
    await db(joined, resident)
    socket = await connect(debate, resident)
    await db(lambda: Session.objects.filter(session_key=_session_key(socket)).delete())
    await socket.send(post_frame())
    error = await socket.receive_type("error")
    assert error["code"] == "AUTH_REVOKED"
    assert await closed_with(socket) == 4401
    assert await count(Message) == 0


async def test_acting_frame_after_a_password_change_elsewhere_is_refused(connect, debate, resident, joined):
    await db(joined, resident)
    socket = await connect(debate, resident)

    def change_password():
        resident.set_password("un-tout-autre-mot-de-passe")
        resident.save(update_fields=["password"])

    await db(change_password)
    await socket.send({"type": "hand.raise"})
    assert (await socket.receive_type("error"))["code"] == "AUTH_REVOKED"
    assert await count(Participation, hand_raised_at__isnull=False) == 0


async def test_deactivation_closes_every_socket_of_the_account(connect, debate, make_debate, resident, joined):
    other = await db(make_debate)
    await db(joined, resident)
    sockets = [await connect(debate, resident), await connect(other, resident)]

    def deactivate():
        resident.is_active = False
        resident.save()

    await db(deactivate)
    for socket in sockets:
        assert await closed_with(socket) == 4401


async def test_deactivation_without_signal_still_stops_the_next_action(connect, debate, resident, joined):
    await db(joined, resident)
    socket = await connect(debate, resident)
    await db(lambda: type(resident).objects.filter(pk=resident.pk).update(is_active=False))
    await socket.send(post_frame())
    assert (await socket.receive_type("error"))["code"] == "AUTH_REVOKED"
    assert await count(Message) == 0


async def test_account_deletion_closes_its_sockets(connect, debate, resident, joined):
    await db(joined, resident)
    socket = await connect(debate, resident)
    await db(accounts.account_delete, actor=resident, user=resident)
    assert await closed_with(socket) == 4401


async def test_removed_facilitator_socket_is_closed_with_4403_and_cannot_act(connect, debate, facilitator):
    socket = await connect(debate, facilitator)
    assert socket.state["you"]["role"] == "facilitator"
    await db(debate.facilitators.remove, facilitator)
    assert await closed_with(socket) == 4403
    again = await connect(debate, facilitator)
    assert again.state["you"]["role"] == "participant"
    await again.send({"type": "room.set_mode", "mode": "slow", "slow_seconds": 30})
    assert (await again.receive_type("error"))["code"] == "FORBIDDEN"
    await debate.arefresh_from_db()
    assert debate.mode == "open"


async def test_resident_made_facilitator_reconnects_with_4403_as_facilitator(connect, debate, resident, joined):
    await db(joined, resident)
    socket = await connect(debate, resident)
    assert socket.state["you"]["role"] == "participant"
    await db(debate.facilitators.add, resident)
    assert await closed_with(socket) == 4403
    again = await connect(debate, resident)
    assert again.state["you"]["role"] == "facilitator"


async def test_facilitator_removed_without_signal_loses_rights_on_the_next_frame(connect, debate, facilitator):
    socket = await connect(debate, facilitator)
    through = type(debate).facilitators.through
    await db(lambda: through.objects.filter(debate=debate, user=facilitator).delete())
    await socket.send({"type": "room.set_mode", "mode": "paused"})
    assert (await socket.receive_type("error"))["code"] == "FORBIDDEN"
    await debate.arefresh_from_db()
    assert debate.mode == "open"


# --- 2. the staff's second factor ---------------------------------------------------------------


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
async def test_staff_without_second_factor_is_refused_by_the_room_socket(connect, debate, facilitator):
    assert await connect(debate, facilitator) == 4401


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
async def test_staff_without_second_factor_is_refused_by_the_queue_socket(facilitator):
    from channels.testing import WebsocketCommunicator

    from cite.asgi import application
    from tests.debates.sessions import session_cookie

    cookie = await db(session_cookie, facilitator)
    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver"), (b"cookie", cookie.encode())]
    communicator = WebsocketCommunicator(application, "/ws/moderation/", headers=headers)
    connected, code = await communicator.connect()
    assert not connected and code == 4403


async def test_second_factor_required_after_connecting_stops_the_next_action(connect, debate, facilitator):
    socket = await connect(debate, facilitator)
    with override_settings(MFA_REQUIRED_FOR_STAFF=True):
        await socket.send({"type": "room.set_mode", "mode": "paused"})
        assert (await socket.receive_type("error"))["code"] == "AUTH_REVOKED"
        assert await closed_with(socket) == 4401
    await debate.arefresh_from_db()
    assert debate.mode == "open"


# --- 3. budgets across sockets, and a cap on sockets --------------------------------------------


@pytest.fixture(
    params=[
        pytest.param("", id="in-process"),
        pytest.param("redis", id="redis"),
        pytest.param("redis://127.0.0.1:1/0", id="redis-unreachable"),
    ]
)
def limits_store(request, settings):
    """Where budgets and the cap are counted: this process (the embedded mode), Redis (REDIS_URL
    or TEST_LIMITS_REDIS_URL), or a Redis that does not answer (each process counts its own)."""
    url = request.param
    if url == "redis":
        import os

        import redis

        url = os.environ.get("REDIS_URL") or os.environ.get("TEST_LIMITS_REDIS_URL")
        if not url:
            pytest.skip("REDIS_URL or TEST_LIMITS_REDIS_URL not set")
        client = redis.Redis.from_url(url)
        stale = list(client.scan_iter("limits:*"))
        if stale:
            client.delete(*stale)
    settings.SOCKET_LIMITS_REDIS_URL = url
    return url


@override_settings(DEBATES_RATE_ACCOUNT_FRAMES=6)
async def test_account_budget_holds_across_its_sockets(connect, debate, resident, joined, limits_store):
    await db(joined, resident)
    sockets = [await connect(debate, resident) for _ in range(3)]
    for _ in range(2):
        for socket in sockets:
            await socket.send({"type": "hand.raise"})
    for socket in sockets:
        await socket.receive_type("queue.updated")
    await sockets[0].send({"type": "hand.lower"})
    error = await sockets[0].receive_type("error")
    assert error["code"] == "RATE_LIMITED" and error["retry_after"] >= 1
    await sockets[1].send(post_frame())
    assert (await sockets[1].receive_type("error"))["code"] == "RATE_LIMITED"
    assert await count(Message) == 0


@override_settings(DEBATES_RATE_ACCOUNT_FRAMES=3)
async def test_oversized_frames_count_against_the_account(connect, debate, resident, joined, limits_store):
    await db(joined, resident)
    socket = await connect(debate, resident)
    big = "x" * (settings.DEBATES_MAX_FRAME_BYTES + 1)
    for _ in range(3):
        await socket.send(big)
        assert (await socket.receive_type("error"))["code"] == "FRAME_TOO_LARGE"
    await socket.send(post_frame())
    assert (await socket.receive_type("error"))["code"] == "RATE_LIMITED"
    assert await count(Message) == 0


@override_settings(DEBATES_RATE_ADDRESS_FRAMES=4)
async def test_address_budget_holds_across_anonymous_sockets(connect, debate, limits_store):
    address = ["203.0.113.9", 5000]
    sockets = [await connect(debate, None, client=address) for _ in range(3)]
    codes = []
    for socket in sockets:
        for _ in range(2):
            await socket.send({"type": "hand.raise"})
            codes.append((await socket.receive_type("error"))["code"])
    assert codes.count("AUTH_REQUIRED") == 4 and codes.count("RATE_LIMITED") == 2
    # Another address is not affected.
    elsewhere = await connect(debate, None, client=["198.51.100.7", 5000])
    await elsewhere.send({"type": "hand.raise"})
    assert (await elsewhere.receive_type("error"))["code"] == "AUTH_REQUIRED"


@override_settings(DEBATES_MAX_SOCKETS_PER_ACCOUNT=2)
async def test_sockets_per_account_are_capped(connect, debate, resident, limits_store):
    first, second = await connect(debate, resident), await connect(debate, resident)
    assert await connect(debate, resident) == 4409
    await first.close()
    third = await connect(debate, resident)
    assert third.state["type"] == "room.state" and second.state["type"] == "room.state"


async def test_sockets_of_other_processes_count_until_their_lease_ends(connect, debate, resident, limits_store):
    if limits_store in ("", "redis://127.0.0.1:1/0"):
        pytest.skip("needs the shared limits on Redis")
    import time

    import redis

    from core import shared_limits

    client = redis.Redis.from_url(limits_store)
    key = f"limits:sockets:{resident.pk}"
    cap = settings.DEBATES_MAX_SOCKETS_PER_ACCOUNT
    # Another process holds the account's places, alive: this one refuses.
    client.zadd(key, {f"elsewhere:{i}": time.time() + 30 for i in range(cap)})
    assert await connect(debate, resident) == 4409
    # That process died without closing them: once their leases end, the places are free.
    client.zadd(key, {f"elsewhere:{i}": time.time() - 1 for i in range(cap)})
    socket = await connect(debate, resident)
    assert socket.state["type"] == "room.state"
    # Renewing extends this process's own lease, and never brings back a released one.
    (member,) = [m.decode() for m in client.zrange(key, 0, -1)]
    await shared_limits.renew({resident.pk: [member, "released:1"]})
    assert client.zscore(key, member) > time.time() + shared_limits.SOCKET_LEASE_SECONDS - 5
    assert client.zscore(key, "released:1") is None
    await socket.close()
    assert client.zcard(key) == 0


# --- 4. text validated before any write ----------------------------------------------------------


@pytest.mark.parametrize("body", ["x\ud800", "a\x00b"])
async def test_post_with_a_lone_surrogate_or_nul_is_refused_and_the_socket_lives(
    connect, debate, resident, joined, body
):
    await db(joined, resident)
    socket = await connect(debate, resident)
    frame = post_frame(body)
    await socket.send(frame)
    error = await socket.receive_type("error")
    assert error["code"] == "INVALID_TEXT" and error["client_id"] == frame["client_id"]
    assert "caractères" in error["detail"]
    assert await count(Message) == 0
    await socket.send(post_frame("Une phrase correcte."))
    assert (await socket.receive_type("message.ack"))["status"] == "published"


async def test_report_with_a_lone_surrogate_in_its_detail_is_refused(connect, debate, resident, other_resident, joined):
    await db(joined, other_resident)
    message = await db(
        lambda: (
            services.message_post(actor=other_resident, debate=debate, client_id=uuid.uuid4(), body="Bonjour").message
        )
    )
    await db(joined, resident)
    socket = await connect(debate, resident)
    await socket.send({"type": "report.create", "message_id": message.pk, "reason": "spam", "detail": "x\ud800"})
    assert (await socket.receive_type("error"))["code"] == "INVALID_TEXT"
    assert await count(Report) == 0


# --- 5. the Origin, compared in full ----------------------------------------------------------


@pytest.mark.parametrize(
    "origin",
    [b"http://testserver:9999", b"https://testserver", b"ws://testserver", b"http://evil.example", b"null"],
)
async def test_origin_other_than_the_sites_own_is_refused(connect, debate, origin):
    assert await connect(debate, None, origin=origin) == 1000


async def test_origin_equal_to_the_sites_own_or_trusted_is_accepted(connect, debate):
    same = await connect(debate, None, origin=b"http://testserver:80")
    assert same.state["type"] == "room.state"
    with override_settings(CSRF_TRUSTED_ORIGINS=["https://ville.example"]):
        trusted = await connect(debate, None, origin=b"https://ville.example")
        assert trusted.state["type"] == "room.state"
        assert await connect(debate, None, origin=b"https://ville.example:8443") == 1000


# --- 6. a deleted person's name, an excluded person's reports -------------------------------------


async def test_resume_after_an_account_deletion_no_longer_sends_its_name(connect, debate, resident, joined):
    await db(joined, resident)

    def act():
        resident.display_name = "Nom À Effacer"
        resident.save(update_fields=["display_name"])
        services.message_post(actor=resident, debate=debate, client_id=uuid.uuid4(), body="Bonjour")
        services.hand_raise(actor=resident, debate=debate)

    await db(act)
    await db(accounts.account_delete, actor=resident, user=resident)
    socket = await connect(debate, None, resume=None)
    await socket.send({"type": "resume", "since": 0})
    frames = [await socket.receive() for _ in range(2)]
    assert [f["type"] for f in frames] == ["message.new", "queue.updated"]
    assert "Nom À Effacer" not in str(frames)
    assert frames[0]["message"]["author"]["display_name"] == "participant supprimé"
    assert not await db(lambda: [e for e in RoomEvent.objects.all() if "Nom À Effacer" in str(e.payload)])


async def test_excluded_participant_cannot_report(connect, debate, resident, other_resident, facilitator, joined):
    await db(joined, other_resident)
    await db(joined, resident)
    message = await db(
        lambda: (
            services.message_post(actor=other_resident, debate=debate, client_id=uuid.uuid4(), body="Bonjour").message
        )
    )
    await db(
        moderation.participant_exclude,
        actor=facilitator,
        debate_id=debate.pk,
        user_id=resident.pk,
        reason_code="harassment",
    )
    socket = await connect(debate, resident)
    await socket.send({"type": "report.create", "message_id": message.pk, "reason": "spam", "detail": "abus"})
    assert (await socket.receive_type("error"))["code"] == "EXCLUDED"
    assert await count(Report) == 0


def test_session_hash_is_what_sockets_compare():
    # The check relies on Django storing the password-derived hash in the session.
    assert HASH_SESSION_KEY == "_auth_user_hash"

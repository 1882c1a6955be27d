"""The live room: one WebSocket per participant, speaking the protocol of docs/protocol.md.

The consumer validates frames and calls the services; what everyone sees arrives through the
process's room hub (``debates.fanout``), already encoded. Frames that change shared state carry
a ``seq``; the consumer holds them until the client's ``resume`` has been answered from the log,
so that the seam between history and live events has no gap and no duplicate.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.sockets import lacks_second_factor, socket_account
from core import sockets
from core.errors import ApplicationError
from core.sockets import CLOSE_REVOKED
from debates import events, extensions, fanout, floor_clock, frames, limits, room_state, selectors, services
from debates.models import Debate, Message
from debates.predicates import facilitator_ids, is_debate_facilitator

logger = logging.getLogger(__name__)

# Close codes (docs/protocol.md; 4401 and 4403 are core.sockets').
CLOSE_NOT_FOUND = 4404
CLOSE_HEARTBEAT_MISSED = 4408
CLOSE_TOO_MANY_SOCKETS = 4409
CLOSE_SLOW_READER = 4429
# The server cannot serve the connection now. RFC 6455's 1013 would say it, but daphne (autobahn)
# lets an application close only with 1000 or 3000-4999, and turns 1013 into 1011.
CLOSE_TRY_AGAIN_LATER = 4503

# Frames that only read: they are answered without checking the session again.
READ_ONLY = frozenset({"resume", "pong"})


class Revoked(Exception):
    """The socket's session or account may no longer act (core.sockets.CLOSE_REVOKED)."""


class FrameError(Exception):
    def __init__(self, code: str, detail: str):
        self.code = code
        self.detail = detail


def _field(frame: dict, name: str, kind: type | tuple, *, required: bool = True, default=None):
    """The value of ``frame[name]`` if it has the right JSON type; ``bool`` is not an ``int``."""
    if name not in frame or frame[name] is None:
        if required:
            raise FrameError("INVALID_FRAME", _("The field “%(name)s” is missing.") % {"name": name})
        return default
    value = frame[name]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        value = None
    if value is None or not isinstance(value, kinds):
        raise FrameError("INVALID_FRAME", _("The field “%(name)s” has the wrong type.") % {"name": name})
    if isinstance(value, str):
        _check_text(name, value)
    return value


def _check_text(name: str, value: str) -> None:
    """Text the database can store and a person can read: JSON lets a client send a lone
    surrogate (``"\\ud800"``), which no encoder accepts, and NUL, which forms refuse too."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        valid = False
    else:
        valid = "\x00" not in value
    if not valid:
        raise FrameError(
            "INVALID_TEXT",
            _("The field “%(name)s” contains characters that are not allowed.") % {"name": name},
        )


def _language(scope) -> str:
    """The language of the page that opened the socket (``?lang=``, docs/protocol.md), else the
    account's, else the cookie's."""
    query = parse_qs((scope.get("query_string") or b"").decode("latin-1"))
    page = (query.get("lang") or [""])[0]
    if page in dict(settings.LANGUAGES):
        return page
    user = scope.get("user")
    if user is not None and user.is_authenticated and user.preferred_language:
        return user.preferred_language
    cookie = (scope.get("cookies") or {}).get(settings.LANGUAGE_COOKIE_NAME)
    return cookie if cookie in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class RoomConsumer(AsyncWebsocketConsumer):
    # A socket has no channel of its own on the layer: the process's room hub is the only
    # subscriber (debates.fanout). An alias that names no layer gives None, so Channels neither
    # creates nor polls a channel per socket (with Redis, a thousand polling sockets exhaust
    # the connection pool).
    channel_layer_alias = "debates.sockets-use-the-room-hub"

    # --- connection ----------------------------------------------------------------------------

    async def __call__(self, scope, receive, send):
        # Whatever the consumer raised, or if the server cancelled it, the socket leaves its
        # room and the revocation registry: nothing keeps a dead socket subscribed or counted.
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self._clean_up()

    async def connect(self):
        # The account is read from the session in ``_open``, in the database thread
        # (cite.auth): nothing here may touch ``scope["user"]``.
        self.user = None
        self.user_id = None
        self.session_key = None
        self.address = (self.scope.get("client") or [None])[0]
        self.language = settings.LANGUAGE_CODE
        self.debate: Debate | None = None
        self.debate_id: int | None = None
        self.hub = None
        self.closed = False
        self.ready = False
        self.registered = False
        self.resumed = False
        self.frame_times: list[float] = []
        # Events that carry a seq wait in ``held`` until the client's resume is answered. The
        # state is read before joining: an event committed in between is in the log, and the
        # resume (which reads the log after joining) gives it.
        self.replaying = True
        self.held: list[tuple[int, str]] = []
        self.sent_seq = 0
        self.bytes_sent = 0
        self.bytes_acked = 0
        self.pings: dict[int, tuple[float, int]] = {}
        self.direct = fanout.direct_socket(self.base_send)
        # Accept before any database work: the handshake then never waits behind a crowd's
        # database trips (daphne drops handshakes left pending for 5 s), and a refusal is
        # sent as a close code the client understands (a handshake refused before acceptance
        # reaches browsers as 1006).
        await self.accept()
        try:
            outcome, state = await database_sync_to_async(self._open)(self.scope["url_route"]["kwargs"]["slug"])
        except Exception as error:  # the database does not answer: come back later
            logger.warning("room socket refused, database unavailable: %r", error)
            outcome, state = CLOSE_TRY_AGAIN_LATER, None
        if outcome is not None:
            await self._close(outcome)
            return
        if self.user_id is not None:
            # The cap holds across processes when Redis is configured (core.shared_limits).
            if not await sockets.register(self, cap=settings.DEBATES_MAX_SOCKETS_PER_ACCOUNT):
                with translation.override(self.language):
                    detail = _("Too many open connections for this account: close another tab.")
                await self._error("TOO_MANY_CONNECTIONS", detail)
                await self._close(CLOSE_TOO_MANY_SOCKETS)
                return
            self.registered = True
        try:
            self.hub = await fanout.join(self.debate_id, self)
        except Exception as error:
            logger.warning("room %s: joining failed: %r", self.debate_id, error)
            await self._close(CLOSE_TRY_AGAIN_LATER)
            return
        self.state_seq = state["last_seq"]
        await self._send(state)
        self.ready = True
        # This process keeps the room's clock from now on (a restart in the middle of a turn,
        # or a turn whose end passed while nobody was connected, ends it now).
        floor_clock.watch(self.debate_id, self._floor_until)

    def _open(self, slug: str) -> tuple[int | None, dict | None]:
        """Everything connecting needs from the database, in one trip to the database thread:
        the account, the debate, the right to read it, the second factor, the room's state."""
        user = self.scope.get("user")
        self.user = user if user is not None and user.is_authenticated else AnonymousUser()
        self.user_id = self.user.pk if self.user.is_authenticated else None
        session = self.scope.get("session")
        self.session_key = session.session_key if self.user_id is not None and session is not None else None
        self.language = _language(self.scope)
        loaded = room_state.load(slug)
        debate, shared = loaded if loaded is not None else (None, None)
        if debate is None or not self.user.has_perm("debates.view_debate", debate):
            return CLOSE_NOT_FOUND, None
        if self.user_id is not None and lacks_second_factor(self.user):
            return CLOSE_REVOKED, None
        self.debate, self.debate_id = debate, debate.pk
        standing = None
        if self.user_id is not None:
            standing = selectors.standing_in_room(debate=debate, user=self.user)
            self.is_facilitator = bool(standing.get("facilitates")) or self.user.is_superuser
        else:
            self.is_facilitator = False
        return None, self._state(debate, shared=shared, standing=standing)

    async def _clean_up(self) -> None:
        self.closed = True
        if getattr(self, "hub", None) is not None:
            self.hub = None
            try:
                await fanout.leave(self.debate_id, self)
            except Exception:
                logger.exception("room %s: leaving the room failed", self.debate_id)
        if getattr(self, "registered", False):
            self.registered = False
            try:
                await sockets.unregister(self)
            except Exception:
                logger.exception("room %s: unregistering a socket failed", self.debate_id)

    async def disconnect(self, code):
        await self._clean_up()

    async def _close(self, code: int) -> None:
        if not self.closed:
            self.closed = True
            await self.close(code=code)

    def concerns(self, debate_id: int) -> bool:
        return debate_id == self.debate_id

    async def revoke(self, code: int) -> None:
        """Another process (or this one) says this account may no longer act here."""
        if not self.closed:
            await self._close(code)

    # --- what the hub delivers ------------------------------------------------------------------

    def _is_for_me(self, audience: str) -> bool:
        if audience == events.EVERYONE:
            return True
        if audience == events.FACILITATORS:
            return self.is_facilitator
        return self.user_id is not None and audience == events.user_audience(self.user_id)

    async def deliver(self, audience: str, seq: int | None, frame: fanout.Frame) -> None:
        if self.closed or not self._is_for_me(audience):
            return
        if seq is None and not self.ready:
            return  # ephemeral (presence, private notices) and the state is about to be sent
        if seq is not None:
            if self.replaying:
                self.held.append((seq, frame))
                if len(self.held) > settings.DEBATES_RESUME_BUFFER:
                    await self._close(CLOSE_SLOW_READER)
                return
            if seq <= self.sent_seq:
                return
            self.sent_seq = seq
        await self._write(frame)

    async def heartbeat(self, n: int, frame: fanout.Frame) -> None:
        if self.closed or not self.ready:
            return
        now = time.monotonic()
        if self.pings:
            oldest = min(sent for sent, _bytes in self.pings.values())
            if now - oldest > settings.DEBATES_HEARTBEAT_SECONDS * settings.DEBATES_HEARTBEAT_MISSES:
                await self._close(CLOSE_HEARTBEAT_MISSED)
                return
        await self._write(frame)
        self.pings[n] = (now, self.bytes_sent)

    async def _write(self, frame: fanout.Frame) -> None:
        text = frame.text
        self.bytes_sent += len(text)
        # A client reads in order: its pong for ping n proves it read every byte before ping n.
        # Live bytes not yet confirmed beyond the limit mean it cannot keep up with the room.
        if not self.replaying and self.bytes_sent - self.bytes_acked > settings.DEBATES_SLOW_READER_BYTES:
            await self._close(CLOSE_SLOW_READER)
            return
        direct = self.direct
        if direct is not None:
            if direct.state != direct.STATE_OPEN:
                self.closed = True  # going away; disconnect() cleans up
                return
            direct.sendPreparedMessage(frame.prepared(direct.factory))
            return
        try:
            await self.base_send({"type": "websocket.send", "text": text})
        except Exception:  # the socket went away meanwhile; disconnect() cleans up
            self.closed = True

    async def _send(self, frame: dict) -> None:
        await self._write(fanout.Frame(events.encode(frame)))

    async def _error(self, code: str, detail: str, **extra) -> None:
        await self._send(
            {"type": "error", "code": code, "detail": str(detail), **{k: v for k, v in extra.items() if v is not None}}
        )

    # --- frames from the client -----------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        with translation.override(self.language):
            try:
                frame = await self._decode(text_data, bytes_data)
                handler = HANDLERS.get(frame["type"])
                if handler is None:
                    raise FrameError("UNKNOWN_TYPE", _("Unknown frame type."))
                await handler(self, frame)
            except FrameError as error:
                await self._error(
                    error.code,
                    error.detail,
                    client_id=getattr(error, "client_id", None),
                    retry_after=getattr(error, "retry_after", None),
                )
            except Revoked:
                await self._error("AUTH_REVOKED", _("Your session has ended: reload the page."))
                await self._close(CLOSE_REVOKED)
            except Exception:  # a bug or a failure of the infrastructure: answer, keep the socket
                logger.exception("room %s: a frame could not be handled", self.debate_id)
                await self._unavailable()

    async def _unavailable(self, client_id: str | None = None) -> None:
        await self._error(
            "SERVICE_UNAVAILABLE",
            _("The service is temporarily unavailable: try again in a few seconds."),
            client_id=client_id,
            retry_after=settings.DEBATES_RETRY_AFTER_SECONDS,
        )

    async def _decode(self, text_data, bytes_data) -> dict:
        # Every frame counts against the connection's budget, oversized ones included.
        now = time.monotonic()
        window = settings.DEBATES_RATE_WINDOW_SECONDS
        self.frame_times = [t for t in self.frame_times if now - t < window]
        if len(self.frame_times) >= settings.DEBATES_RATE_FRAMES:
            self._rate_limited(window - (now - self.frame_times[0]))
        self.frame_times.append(now)
        if text_data is None:
            await self._take_shared()
            raise FrameError("INVALID_FRAME", _("Frames are JSON text."))
        if len(text_data.encode("utf-8", "surrogatepass")) > settings.DEBATES_MAX_FRAME_BYTES:
            await self._take_shared()
            raise FrameError("FRAME_TOO_LARGE", _("This frame is too large."))
        try:
            frame = json.loads(text_data)
        except ValueError:
            await self._take_shared()
            raise FrameError("INVALID_FRAME", _("This frame is not valid JSON.")) from None
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            await self._take_shared()
            raise FrameError("INVALID_FRAME", _("A frame is a JSON object with a “type”."))
        # A connection's first resume and its pongs are what every reader sends: they do not
        # count against an address that many readers may share.
        first_resume = frame["type"] == "resume" and not self.resumed
        if frame["type"] != "pong" and not first_resume:
            await self._take_shared()
        return frame

    async def _take_shared(self) -> None:
        wait = await limits.take_shared(user_id=self.user_id, address=self.address)
        if wait:
            self._rate_limited(wait)

    @staticmethod
    def _rate_limited(wait: float):
        error = FrameError("RATE_LIMITED", _("Too many actions at once: wait a few seconds."))
        error.retry_after = max(1, round(wait + 0.5))
        raise error

    async def _call(self, service, **kwargs):
        """Run a service in a thread as this user, in their language, after checking that the
        socket's session and account may still act. Returns (result, error)."""
        result, error = await database_sync_to_async(self._run)(service, kwargs)
        if error is not None and error["code"] == "AUTH_REVOKED":
            raise Revoked
        return result, error

    def _run(self, service, kwargs):
        with translation.override(self.language):
            try:
                if self.user_id is not None:
                    user = socket_account(user_id=self.user_id, session_key=self.session_key)
                    if user is None:
                        return None, {"code": "AUTH_REVOKED"}
                    self.user = user
                    # Facilitators may have changed since the last frame.
                    self.debate._facilitator_ids = None
                    self.is_facilitator = is_debate_facilitator(user, self.debate)
                return service(actor=self.user, debate=self.debate, **kwargs), None
            except ApplicationError as error:
                return None, {
                    "code": error.code,
                    "detail": str(error.detail),
                    "retry_after": error.extra.get("retry_after"),
                }
            except Exception as error:
                # The database or the channel layer failed: the change is either committed (and
                # a retry with the same client_id gets its ack) or not made at all.
                logger.warning("room %s: %s failed: %r", self.debate_id, service.__name__, error, exc_info=True)
                return None, {
                    "code": "SERVICE_UNAVAILABLE",
                    "detail": _("The service is temporarily unavailable: try again in a few seconds."),
                    "retry_after": settings.DEBATES_RETRY_AFTER_SECONDS,
                }

    async def _act(self, service, **kwargs):
        result, error = await self._call(service, **kwargs)
        if error:
            await self._error(**error)
        return result

    # --- state ------------------------------------------------------------------------------------

    async def _send_state(self) -> None:
        await self._send(await database_sync_to_async(self._state)())
        # This process keeps the room's clock from now on (a restart in the middle of a turn,
        # or a turn whose end passed while nobody was connected, ends it now).
        floor_clock.watch(self.debate.pk, self._floor_until)

    def _state(self, debate: Debate | None = None, *, shared: dict | None = None, standing: dict | None = None) -> dict:
        if debate is None:
            debate = Debate.objects.select_related("floor_user", "floor_hall_speaker", "profile").get(pk=self.debate.pk)
            debate._facilitator_ids = facilitator_ids(self.debate)
        self._floor_until = debate.floor_until
        you = {
            "user_id": None,
            "display_name": None,
            "role": "anonymous",
            "verified": False,
            "charter_accepted": False,
            "muted_until": None,
            "hand_raised": False,
            "can_post": False,
        }
        if self.user_id is not None:
            if standing is None:
                standing = selectors.standing_in_room(debate=debate, user=self.user)
            now = timezone.now()
            muted_until = standing.get("muted_until")
            muted = bool(muted_until and muted_until > now)
            charter = bool(standing.get("charter_accepted_at"))
            verified = bool(standing.get("verified"))
            you = {
                "user_id": self.user_id,
                "display_name": self.user.public_name,
                "role": "facilitator" if self.is_facilitator else "participant",
                "verified": verified,
                "charter_accepted": charter,
                "muted_until": muted_until.isoformat() if muted else None,
                "hand_raised": bool(standing.get("hand_raised_at")),
                # One's own messages waiting for review, shown in one's thread until decided.
                "pending": [frames.message(m, debate) for m in selectors.held_of_author(debate=debate, user=self.user)]
                if standing.get("has_held")
                else [],
                "can_post": bool(
                    verified and (charter or self.is_facilitator) and not muted and debate.status == Debate.Status.OPEN
                ),
            }
        shared = shared or room_state.shared_part(debate)
        state = {
            "type": "room.state",
            "room": shared["room"],
            "you": you,
            # Connections to the room now; a socket still connecting is counted as it joins.
            "presence": fanout.presence(debate.pk) + (0 if self.ready else 1),
            **{k: shared[k] for k in ("queue", "floor", "last_seq")},
        }
        if self.is_facilitator:
            state["held"] = [frames.held(m, debate) for m in selectors.held_messages(debate=debate)]
            state["reports"] = [
                {
                    "message_id": m.pk,
                    "message": frames.message(m, debate),
                    "reason": m.reports.all()[len(m.reports.all()) - 1].reason,
                    "count": m.report_count,
                }
                for m in extensions.reported_in(debate=debate)
                if m.state == Message.State.PUBLISHED
            ]
        return state

    # --- handlers ---------------------------------------------------------------------------------

    async def handle_resume(self, frame):
        since = _field(frame, "since", int)
        if since < 0:
            raise FrameError("INVALID_FRAME", _("The field “%(name)s” has the wrong type.") % {"name": "since"})
        self.resumed = True
        self.replaying = True
        # A client that is up to date with the state it was just sent (and with every event this
        # process has seen) has nothing in the log to read: whatever comes later arrives live.
        if since >= max(self.state_seq, self.hub.last_seq if self.hub else since + 1):
            history = []
        else:
            history = await database_sync_to_async(selectors.room_events)(debate_id=self.debate.pk, after=since)
        sent = since
        for event in history:
            await self._write(fanout.Frame(events.encode(event)))
            sent = event["seq"]
        # Live events that arrived meanwhile, without what the log already gave; more may arrive
        # while writing, hence the loop. No await between the last check and going live.
        while self.held:
            batch, self.held = sorted(self.held), []
            for seq, frame in batch:
                if seq > sent:
                    await self._write(frame)
                    sent = seq
        self.sent_seq = sent
        self.replaying = False
        self.bytes_acked = self.bytes_sent

    async def handle_pong(self, frame):
        n = _field(frame, "n", int)
        if n in self.pings:
            self.bytes_acked = self.pings[n][1]
            self.pings = {k: v for k, v in self.pings.items() if k > n}

    async def handle_charter_accept(self, frame):
        if await self._act(services.debate_accept_charter) is not None:
            await self._send_state()

    async def handle_message_post(self, frame):
        raw_id = frame.get("client_id")
        try:
            client_id = uuid.UUID(_field(frame, "client_id", str))
        except ValueError:
            raise FrameError(
                "INVALID_FRAME", _("The field “%(name)s” has the wrong type.") % {"name": "client_id"}
            ) from None
        try:
            body = _field(frame, "body", str)
            reply_to = _field(frame, "reply_to", int, required=False)
            reformulation = _field(frame, "reformulation", str, required=False, default="")
            confirm = _field(frame, "confirm", bool, required=False, default=False)
        except FrameError as error:
            error.client_id = raw_id
            raise
        result, error = await self._call(
            services.message_post,
            client_id=client_id,
            body=body,
            reply_to_id=reply_to,
            reformulation=reformulation,
            confirm=confirm,
        )
        if error:
            await self._error(client_id=str(client_id), **error)
        elif result.status == "nudged":
            verdict = result.verdict
            await self._send(
                {
                    "type": "message.nudge",
                    "client_id": result.client_id,
                    "rule": verdict.rule,
                    "explanation": str(verdict.explanation),
                    "suggestion": str(verdict.suggestion),
                    "body": body,
                }
            )
        else:
            status = Message.State.HELD if result.status == Message.State.HELD else Message.State.PUBLISHED
            ack = {
                "type": "message.ack",
                "client_id": result.client_id,
                "message_id": result.message.pk,
                "status": status,
            }
            if status == Message.State.HELD:
                # The author keeps seeing it in the thread, as waiting for review.
                ack["message"] = await database_sync_to_async(frames.message)(result.message, self.debate)
            await self._send(ack)

    # Every hand frame is answered with the hand's state (or an error): a hand must never
    # silently stay down.

    async def handle_hand_raise(self, frame):
        participation = await self._act(services.hand_raise)
        if participation is not None:
            await self._send({"type": "hand.state", "raised": participation.hand_raised_at is not None})

    async def handle_hand_lower(self, frame):
        participation = await self._act(services.hand_lower)
        if participation is not None:
            await self._send({"type": "hand.state", "raised": False})

    async def handle_report_create(self, frame):
        message_id = _field(frame, "message_id", int)
        reason = _field(frame, "reason", str)
        detail = _field(frame, "detail", str, required=False, default="")
        # Through the moderation app: enough distinct reports hide the message automatically.
        if await self._act(
            extensions.frame_service(extensions.REPORT_CREATE), message_id=message_id, reason=reason, detail=detail
        ):
            await self._send({"type": "report.ack", "message_id": message_id})

    async def handle_floor_give(self, frame):
        user_id = _field(frame, "user_id", int, required=False)
        hall_id = _field(frame, "hall_id", int, required=False)
        if (user_id is None) == (hall_id is None):
            raise FrameError("INVALID_FRAME", _("Give either “user_id” or “hall_id”."))
        await self._act(
            services.floor_give,
            user_id=user_id,
            hall_id=hall_id,
            seconds=_field(frame, "seconds", int, required=False),
        )

    async def handle_hall_add(self, frame):
        await self._act(services.hall_speaker_add, name=_field(frame, "name", str))

    async def handle_hall_remove(self, frame):
        await self._act(services.hall_speaker_remove, hall_id=_field(frame, "hall_id", int))

    async def handle_floor_end(self, frame):
        await self._act(services.floor_end)

    # Facilitators' decisions go through the moderation app (``debates.extensions``), which logs them, tells the author
    # by e-mail with the appeal link and updates the moderation queue. ``reason_code`` names a
    # reason template; a free-text ``reason`` alone counts as "other".

    async def handle_message_approve(self, frame):
        await self._act(
            extensions.frame_service(extensions.MESSAGE_APPROVE), message_id=_field(frame, "message_id", int)
        )

    async def handle_message_reject(self, frame):
        await self._act(extensions.frame_service(extensions.MESSAGE_REJECT), **self._decision(frame, "message_id"))

    async def handle_message_hide(self, frame):
        await self._act(extensions.frame_service(extensions.MESSAGE_HIDE), **self._decision(frame, "message_id"))

    async def handle_participant_mute(self, frame):
        await self._act(
            extensions.frame_service(extensions.PARTICIPANT_MUTE),
            minutes=_field(frame, "minutes", int),
            **self._decision(frame, "user_id"),
        )

    @staticmethod
    def _decision(frame: dict, id_field: str) -> dict:
        return {
            id_field: _field(frame, id_field, int),
            "reason": _field(frame, "reason", str, required=False, default=""),
            "reason_code": _field(frame, "reason_code", str, required=False, default=""),
        }

    async def handle_room_set_mode(self, frame):
        await self._act(
            services.room_set_mode,
            mode=_field(frame, "mode", str),
            slow_seconds=_field(frame, "slow_seconds", int, required=False),
        )

    async def handle_room_set_reformulation(self, frame):
        required = frame.get("required")
        if required is not None and not isinstance(required, bool):
            raise FrameError("INVALID_FRAME", _("The field “%(name)s” has the wrong type.") % {"name": "required"})
        await self._act(services.room_set_reformulation, required=required)


HANDLERS = {
    "resume": RoomConsumer.handle_resume,
    "pong": RoomConsumer.handle_pong,
    "charter.accept": RoomConsumer.handle_charter_accept,
    "message.post": RoomConsumer.handle_message_post,
    "hand.raise": RoomConsumer.handle_hand_raise,
    "hand.lower": RoomConsumer.handle_hand_lower,
    "report.create": RoomConsumer.handle_report_create,
    "floor.give": RoomConsumer.handle_floor_give,
    "floor.end": RoomConsumer.handle_floor_end,
    "hall.add": RoomConsumer.handle_hall_add,
    "hall.remove": RoomConsumer.handle_hall_remove,
    "message.approve": RoomConsumer.handle_message_approve,
    "message.reject": RoomConsumer.handle_message_reject,
    "message.hide": RoomConsumer.handle_message_hide,
    "participant.mute": RoomConsumer.handle_participant_mute,
    "room.set_mode": RoomConsumer.handle_room_set_mode,
    "room.set_reformulation": RoomConsumer.handle_room_set_reformulation,
}

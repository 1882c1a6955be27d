"""The baseline "plain websockets broadcast": a frame encoded once and written to every socket
by the ``websockets`` library. ``python -m bench.plain_ws PORT``."""

import asyncio
import json
import sys

import websockets

CLIENTS: set = set()


async def handler(socket):
    CLIENTS.add(socket)
    try:
        async for message in socket:
            frame = json.loads(message)
            websockets.broadcast(CLIENTS, json.dumps(frame))
    finally:
        CLIENTS.discard(socket)


async def main(port: int) -> None:
    async with websockets.serve(handler, "127.0.0.1", port, max_queue=None):
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))

"""The one place where user text becomes HTML (bleach behind a stable function, so that the
sanitiser can be swapped without touching the apps)."""

import bleach
from bleach.linkifier import Linker

LINK_REL = "nofollow ugc noopener"


def _link_attributes(attrs: dict, new: bool = False) -> dict | None:
    href = attrs.get((None, "href"), "")
    if not href.startswith(("http://", "https://")):
        return None  # not a web link: leave the text as text
    attrs[(None, "rel")] = LINK_REL
    return attrs


_linker = Linker(callbacks=[_link_attributes], parse_email=False)


def plain_text_to_html(text: str) -> str:
    """Escape every tag of ``text`` and make web links clickable with ``rel="nofollow ugc noopener"``.

    Nothing else: no formatting, no images. Line breaks stay as characters (the page shows them
    with ``white-space: pre-wrap``).
    """
    escaped = bleach.clean(text, tags=set(), attributes={}, strip=False)
    return _linker.linkify(escaped)

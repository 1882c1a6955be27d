"""Checking uploaded files by what they contain, not by their name.

Only the types of ``PACT_UPLOAD_TYPES`` (PNG, JPEG, WebP, PDF) are accepted, up to
``PACT_UPLOAD_MAX_BYTES``. The stored name is random, with the extension of the detected type,
so a script renamed ``.pdf`` is refused and no uploaded name ever reaches the file system.
"""

import uuid
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.errors import InvalidInput


@dataclass(frozen=True)
class CheckedUpload:
    file: UploadedFile
    content_type: str
    size: int
    stored_name: str


def check_upload(upload: UploadedFile) -> CheckedUpload:
    limit = settings.PACT_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise InvalidInput(
            _("The file is too large: %(limit)s at most.") % {"limit": filesizeformat(limit)}, code="FILE_TOO_LARGE"
        )
    if upload.size == 0:
        raise InvalidInput(_("The file is empty."), code="FILE_EMPTY")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    extension = settings.PACT_UPLOAD_TYPES.get(kind.mime) if kind else None
    if extension is None:
        raise InvalidInput(
            _(
                "This file is not accepted: its content is not a PNG, JPEG or WebP image nor a PDF document, "
                "whatever its name says."
            ),
            code="FILE_TYPE_REFUSED",
        )
    return CheckedUpload(
        file=upload, content_type=kind.mime, size=upload.size, stored_name=f"{uuid.uuid4().hex}.{extension}"
    )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        # The rooms sit below moderation: moderation plugs into them through their registry.
        from debates import extensions

        from . import log, selectors
        from .services import room

        extensions.register_frame_service(extensions.REPORT_CREATE, room.room_report_create)
        extensions.register_frame_service(extensions.MESSAGE_APPROVE, room.room_message_approve)
        extensions.register_frame_service(extensions.MESSAGE_REJECT, room.room_message_reject)
        extensions.register_frame_service(extensions.MESSAGE_HIDE, room.room_message_hide)
        extensions.register_frame_service(extensions.PARTICIPANT_MUTE, room.room_participant_mute)
        extensions.register_held_listener(log.hold_record)
        extensions.register_review_check(selectors.under_review)
        extensions.register_reported(selectors.reported_in)

import pytest

from core.errors import InvalidState
from debates import extensions
from moderation import log, selectors
from moderation.services import room


def test_moderation_plugs_its_frames_hold_log_and_review_check_into_the_room():
    assert extensions.frame_service(extensions.REPORT_CREATE) is room.room_report_create
    assert extensions.frame_service(extensions.PARTICIPANT_MUTE) is room.room_participant_mute
    assert log.hold_record in extensions._held_listeners
    assert selectors.under_review in extensions._review_checks


def test_a_frame_nobody_serves_is_refused_as_unavailable(monkeypatch):
    monkeypatch.setattr(extensions, "_frame_services", {})

    with pytest.raises(InvalidState) as refused:
        extensions.frame_service(extensions.MESSAGE_HIDE)(actor=None, debate=None, message_id=1)

    assert refused.value.code == "UNAVAILABLE"


def test_the_room_hands_over_only_the_frames_it_names():
    with pytest.raises(ValueError):
        extensions.register_frame_service("floor.give", lambda **kwargs: None)


def test_without_checks_nobody_is_under_review_and_a_hold_is_told_to_no_one(monkeypatch):
    monkeypatch.setattr(extensions, "_review_checks", [])
    monkeypatch.setattr(extensions, "_held_listeners", [])

    assert extensions.under_review(debate_id=1, user_id=1) is False
    extensions.message_held(debate=None, message=None, rule="links")

"""The translated strings of the live room script, passed to it by the page (no JS catalogue).
``{name}``-style placeholders are filled by the script."""

from django.utils.translation import gettext as _

from debates import frames
from debates.models import Debate, Report


def room_strings() -> dict[str, str]:
    return {
        "connecting": _("Connecting to the live room…"),
        "live": _("Live: new messages appear as they are posted."),
        "reconnecting": _("Connection lost. Trying again in {seconds} s…"),
        "closedSlow": _("The connection was too slow to follow the room. Reconnecting…"),
        "presenceOne": _("1 person in the room"),
        "presence": _("{count} people in the room"),
        "floorOther": _("{name} has the floor."),
        "floorYou": _("You have the floor."),
        "floorEnded": _("The speaking turn is over."),
        "timeLeft": _("{time} left"),
        "giveFloor": _("Give the floor to {name}"),
        "raiseHand": _("Raise my hand"),
        "lowerHand": _("Lower my hand"),
        "report": _("Report"),
        "reportSent": _("Thank you: the facilitators will look at your report."),
        "hide": _("Hide"),
        "mute": _("Mute {name}"),
        "approve": _("Publish"),
        "reject": _("Refuse"),
        "hideTitle": _("Hide this message"),
        "muteTitle": _("Mute this participant"),
        "rejectTitle": _("Refuse this message"),
        "hiddenFacilitator": _("Message hidden by the facilitators"),
        "hiddenAutomatic": _("Message hidden automatically"),
        "heldRule": _("Held by the rule: {rule}"),
        "held": _("Your message is waiting for a facilitator’s review."),
        "rejected": _("A facilitator refused your message: {reason}"),
        "muted": _("A facilitator has muted you until {time}. {reason}"),
        "reminder": _("A facilitator reminds you of the charter: {reason}"),
        "excluded": _("A facilitator has excluded you from this debate: {reason}. You can still read it, and appeal."),
        "sendAnyway": _("Send anyway"),
        "send": _("Send"),
        "suggestion": _("Suggestion:"),
        "replyingTo": _("Replying to {name}"),
        "charactersLeft": _("{count} characters left"),
        "retryAfter": _("You can try again in {seconds} s."),
        "modeChanged": _("Room mode: {mode}"),
        "facilitator": _("Facilitator"),
        "error": _("Something went wrong. Try again."),
        "modes": dict(Debate.Mode.choices),
        "rules": frames.rule_labels(),
        "pending": _("Waiting for review"),
        "pendingHelp": _("Only you see this message until a facilitator publishes it."),
        "refusedMine": _("Refused by a facilitator: {reason}"),
        "newMessages": _("{count} new messages"),
        "newMessage": _("1 new message"),
        "actions": _("Actions"),
        "actionsFor": _("Actions on the message of {name}"),
        "reply": _("Reply"),
        "paused": _("The room is paused: you can write again when the facilitators resume it."),
        "resumed": _("The room has resumed: you can write again."),
        "handRaised": _("Your hand is raised: a facilitator will give you the floor."),
        "handLowered": _("Your hand is lowered."),
        "present": _("in the hall"),
        "remove": _("Remove {name} from the queue"),
        "heldBy": _("by {name}"),
        "noFloor": _("Nobody has the floor."),
        "pause": _("Pause the room"),
        "resume": _("Resume the room"),
        "reportReasons": {code: str(label) for code, label in Report.Reason.choices},
        "reportCount": _("reports: {count}"),
    }


def hall_strings() -> dict[str, str]:
    """The hall screen's strings (``hall.js``)."""
    return {
        "floorOther": _("{name} has the floor."),
        "floorEnded": _("The speaking turn is over."),
        "timeLeft": _("{time} left"),
        "present": _("in the hall"),
        "noFloor": _("Nobody has the floor."),
        "hiddenFacilitator": _("Message hidden by the facilitators"),
        "hiddenAutomatic": _("Message hidden automatically"),
        "modes": dict(Debate.Mode.choices),
    }

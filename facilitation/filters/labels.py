"""What facilitators read about each content filter: its name and what it does (the profile
page, the room's console)."""

from django.utils.translation import gettext_lazy as _

RULE_TEXT = {
    "flood": (_("Flood"), _("The same text again, or too many messages in a short time.")),
    "shouting": (_("Shouting"), _("A message mostly in capital letters gets a nudge to write it in lower case.")),
    "insults": (
        _("Insults and slurs"),
        _("Words of the French and English lexicon, seen through accents, leetspeak and look-alike letters."),
    ),
    "attacks": (
        _("Personal attacks"),
        _("“You are…” followed by a judgement gets a nudge towards an I-statement."),
    ),
    "threats": (
        _("Threats and incitement"),
        _("Threats and calls to violence (“on sait où tu habites, fais gaffe”, “go kill yourself”)."),
    ),
    "third_party": (
        _("Attacks on a third person or an official"),
        _("“The mayor is a liar”: a judgement of someone who is not there to answer, or of an official."),
    ),
    "generalisations": (
        _("Generalisations about a group"),
        _("“They are all thieves”: a whole group of people judged at once."),
    ),
    "exclusion": (
        _("Exclusion"),
        _("Telling people they do not belong (“go back to your country”, “people like you should be thrown out”)."),
    ),
    "sarcasm": (_("Mocking emoji"), _("Praise with a clown or eye-roll emoji (“bravo le génie 🤡”).")),
    "classifier": (
        _("Classifier"),
        _(
            "A text classifier the site plugs in (setting MODERATION_CLASSIFIER); does nothing while no "
            "classifier is set."
        ),
    ),
    "links": (_("Links"), _("Too many links in a message, or any link in a participant’s first messages.")),
    "newcomers": (
        _("New participants"),
        _("Their first messages wait for a facilitator; how many is set above (“first messages held for review”)."),
    ),
    "reformulation": (
        _("Reformulation"),
        _("In a room that asks for it, a reply starts by reformulating the message it answers."),
    ),
}

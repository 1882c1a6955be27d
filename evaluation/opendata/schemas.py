"""Table Schemas (Frictionless Data, specs.frictionlessdata.io/table-schema) of every CSV the
site publishes. The column lists come from the exports themselves, so a column added to an
export without its description here fails the catalogue test.

Descriptions are gettext strings: the catalogue is written in the site's language (French)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from debates.exports import SESSION_COLUMNS
from debates.models import Debate
from evaluation.dashboard import CSV_HEADER as DASHBOARD_COLUMNS
from evaluation.dashboard import DASHBOARD_KEYS
from moderation.register import CSV_HEADER as MODERATION_COLUMNS
from moderation.register import DECISIONS
from offres.exports import COLUMNS as OFFER_COLUMNS
from offres.models import Offer
from pactes.exports import COLUMNS as PACT_COLUMNS
from pactes.exports import COMMONS_COLUMNS
from pactes.models import Commons, Pact

# Formats every file follows (core.csvfile.iso).
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
SEPARATED_INTEGERS = r"^\d+( ; \d+)*$"
PARTY_KIND_CODES = ["association", "informal_group", "institution", "city_department", "person"]
KINDS = "|".join(PARTY_KIND_CODES)


@dataclass
class Field:
    name: str
    type: str
    title: str
    description: str
    format: str = ""
    enum: list | None = None
    required: bool = False
    unique: bool = False
    minimum: int | float | None = None
    maximum: int | float | None = None
    pattern: str = ""
    extra: dict = field(default_factory=dict)

    def as_schema(self) -> dict:
        data = {"name": self.name, "type": self.type, "title": str(self.title), "description": str(self.description)}
        if self.format:
            data["format"] = self.format
        elif self.type == "datetime":
            data["format"] = DATETIME_FORMAT
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.pattern:
            constraints["pattern"] = self.pattern
        if constraints:
            data["constraints"] = constraints
        return {**data, **self.extra}


def _latitude(name="latitude"):
    return Field(name, "number", _("Latitude"), _("WGS 84 latitude, in decimal degrees (6 decimals)."),
                 minimum=-90, maximum=90)  # fmt: skip


def _longitude(name="longitude"):
    return Field(name, "number", _("Longitude"), _("WGS 84 longitude, in decimal degrees (6 decimals)."),
                 minimum=-180, maximum=180)  # fmt: skip


PUBLIC_PACT_STATUSES = [value for value in Pact.Status.values if value != Pact.Status.DRAFT]

PACT_FIELDS = [
    Field("id", "integer", _("Number"), _("The pact's number, stable."), required=True, unique=True),
    Field("url", "string", _("Page"), _("The pact's public page."), format="uri", required=True),
    Field("title", "string", _("Title"), _("The pact's title (the current version's)."), required=True),
    Field("status", "string", _("Status"), _("The pact's status, as a code."), enum=PUBLIC_PACT_STATUSES,
          required=True),
    Field("status_label", "string", _("Status in words"), _("The status in words, in the site's language.")),
    Field("type", "string", _("Type"), _("Ordinary pact, or complex pact (needs a council decision)."),
          enum=Pact.Type.values, required=True),
    Field("commons_id", "integer", _("Commons number"), _("The number of the commons concerned (see the commons "
          "dataset)."), required=True),
    Field("commons_name", "string", _("Commons"), _("The name of the commons."), required=True),
    Field("commons_kind", "string", _("Kind of commons"), _("What the commons is, as a code."),
          enum=Commons.Kind.values, required=True),
    Field("neighbourhood", "string", _("Neighbourhood"), _("The neighbourhood (district) of the commons.")),
    Field("address", "string", _("Address"), _("The address of the commons (a public place).")),
    _latitude(),
    _longitude(),
    Field("engagement_number", "integer", _("Engagement"), _("The number (1 to 10) of the programme commitment "
          "the pact serves: its theme."), minimum=1, maximum=10),
    Field("engagement_title", "string", _("Engagement title"), _("The title of that commitment.")),
    Field("organisations", "string", _("Organisations"), _("The organisations that are parties, separated by "
          "“ ; ”.")),
    Field("party_kinds", "string", _("Kinds of party"), _("The kinds of party, sorted, separated by “ ; ”."),
          pattern=rf"^({KINDS})( ; ({KINDS}))*$"),
    Field("individual_parties", "integer", _("Residents who are parties"), _("How many residents are a party in "
          "their own name (they are never named)."), minimum=0, required=True),
    Field("start_date", "date", _("Start"), _("The first day of the pact.")),
    Field("end_date", "date", _("End"), _("The last day of the pact.")),
    Field("submitted_at", "datetime", _("Submitted"), _("When the proposal reached the city.")),
    Field("activated_at", "datetime", _("Active since"), _("When the last signature made the pact active.")),
    Field("ended_at", "datetime", _("Ended"), _("When the pact ended.")),
    Field("end_reason", "string", _("End reason"), _("Why the pact ended, as a code; empty while it has not."),
          enum=Pact.EndReason.values),
    Field("signed_version", "integer", _("Signed version"), _("For a signed pact: the number of the version "
          "signed."), minimum=1),
    Field("signed_fingerprint", "string", _("Fingerprint"), _("The SHA-256 fingerprint of the signed version, to "
          "check on the verification page or recompute from its canonical text."), pattern="^[0-9a-f]{64}$"),
    Field("renewal_of", "integer", _("Renewal of"), _("The number of the pact this one renews.")),
    Field("proponent_kind", "string", _("Proponent"), _("Who proposed the pact: a person, an informal group or an "
          "organisation."), enum=Pact.ProponentKind.values),
    Field("council_decision_reference", "string", _("Council decision"), _("The reference of the council act that "
          "approved the pact (needed for a complex pact).")),
    Field("signed_pdf_url", "string", _("Signed text (PDF)"), _("The signed version as an accessible PDF."),
          format="uri"),
    Field("signed_text_url", "string", _("Signed text (canonical JSON)"), _("The exact bytes whose SHA-256 is the "
          "fingerprint."), format="uri"),
    Field("status_changed_at", "datetime", _("Status changed"), _("When the pact last changed status.")),
]  # fmt: skip

COMMONS_FIELDS = [
    Field("id", "integer", _("Number"), _("The commons' number, stable."), required=True, unique=True),
    Field("name", "string", _("Name"), _("The commons' name."), required=True),
    Field("kind", "string", _("Kind"), _("What the commons is, as a code."), enum=Commons.Kind.values,
          required=True),
    Field("neighbourhood", "string", _("Neighbourhood"), _("The neighbourhood (district) of the commons.")),
    Field("address", "string", _("Address"), _("The address of the commons (a public place).")),
    _latitude(),
    _longitude(),
    Field("description", "string", _("Description"), _("The commons described by the city.")),
    Field("photo_url", "string", _("Photo"), _("A photo of the commons."), format="uri"),
    Field("pacts", "integer", _("Pacts"), _("How many public pacts concern it."), minimum=0, required=True),
    Field("active_pacts", "integer", _("Active pacts"), _("How many of them are active."), minimum=0, required=True),
    Field("pact_ids", "string", _("Pact numbers"), _("The numbers of those pacts, separated by “ ; ”."),
          pattern=SEPARATED_INTEGERS),
]  # fmt: skip

MODERATION_FIELDS = [
    Field("date", "date", _("Date"), _("The day of the decision."), required=True),
    Field("debate", "string", _("Debate"), _("The public debate's address name (slug); empty for a debate "
          "reachable by its link only.")),
    Field("action", "string", _("Decision"), _("What was decided, as a code."), enum=DECISIONS, required=True),
    Field("automatic", "boolean", _("Automatic"), _("“yes” when the platform decided, “no” when a facilitator "
          "did."), required=True, extra={"trueValues": ["yes"], "falseValues": ["no"]}),
    Field("rule", "string", _("Rule"), _("The facilitation rule that acted, for an automatic decision.")),
    Field("reason", "string", _("Reason"), _("The reason given, as a code.")),
    Field("seconds_to_decision", "integer", _("Time to decision"), _("Seconds between the message's hold or "
          "report and a person's decision."), minimum=0),
]  # fmt: skip

DASHBOARD_FIELDS = [
    Field("figure", "string", _("Figure"), _("Which figure of the dashboard, as a code."), enum=DASHBOARD_KEYS,
          required=True),
    Field("year", "integer", _("Year"), _("The calendar year the figure covers."), required=True),
    Field("engagement", "integer", _("Engagement"), _("The engagement the figures are limited to; empty for all."),
          minimum=1, maximum=10),
    Field("row", "string", _("Row"), _("The row's code (a month, a status, a neighbourhood, an age band…).")),
    Field("label", "string", _("Label"), _("The row in words, in the site's language.")),
    Field("series", "string", _("Series"), _("What is counted, in the site's language."), required=True),
    Field("value", "number", _("Value"), _("The figure; empty when it is hidden because fewer people than the "
          "threshold are concerned.")),
]  # fmt: skip

SESSION_FIELDS = [
    Field("id", "integer", _("Number"), _("The session's number, stable."), required=True, unique=True),
    Field("uid", "string", _("Calendar identifier"), _("The session's UID in the iCalendar files, unique across "
          "sites."), required=True, unique=True),
    Field("debate_slug", "string", _("Debate"), _("The debate's address name (slug)."), required=True),
    Field("debate_title", "string", _("Debate title"), _("The debate's title."), required=True),
    Field("debate_question", "string", _("Question"), _("The question the debate discusses.")),
    Field("debate_status", "string", _("Debate status"), _("The debate's status, as a code."),
          enum=Debate.Status.values, required=True),
    Field("engagement_number", "integer", _("Engagement"), _("The programme commitment (1 to 10) the debate "
          "serves."), minimum=1, maximum=10),
    Field("title", "string", _("Session title"), _("The session's own title, if it has one.")),
    Field("starts_at", "datetime", _("Start"), _("When the session starts."), required=True),
    Field("ends_at", "datetime", _("End"), _("When the session ends."), required=True),
    Field("location", "string", _("Place"), _("Where it takes place; empty for a session held online only, in "
          "the debate room.")),
    Field("url", "string", _("Room"), _("The debate room's page."), format="uri", required=True),
    Field("updated_at", "datetime", _("Updated"), _("When the session was last changed."), required=True),
]  # fmt: skip


def _flag(name: str, title, description) -> Field:
    return Field(name, "boolean", title, description, required=True)


LISTED_OFFER_STATUSES = [Offer.Status.PUBLISHED.value, Offer.Status.TO_VERIFY.value]

OFFER_FIELDS = [
    Field("id", "integer", _("Number"), _("The offer's number, stable."), required=True, unique=True),
    Field("url", "string", _("Page"), _("The offer's public page."), format="uri", required=True),
    Field("title", "string", _("Title"), _("The offer's name."), required=True),
    Field("kind", "string", _("Kind"), _("What the offer is (activity, regular group, place open to all, event, "
          "help with a first contact), as a code."), enum=Offer.Kind.values, required=True),
    Field("summary", "string", _("Summary"), _("One sentence: what people do there."), required=True),
    Field("organisation", "string", _("Run by"), _("The association, city department or group of residents that "
          "runs it.")),
    Field("organisation_kind", "string", _("Kind of organisation"), _("What runs it, as a code."),
          enum=PARTY_KIND_CODES),
    Field("engagements", "string", _("Engagements"), _("The numbers (1 to 10) of the programme commitments it "
          "serves, separated by “ ; ”."), pattern=SEPARATED_INTEGERS),
    Field("schedule", "string", _("When"), _("When it takes place, in words.")),
    Field("starts_at", "datetime", _("First time"), _("The first (or next) time it takes place.")),
    Field("ends_at", "datetime", _("End of the first time"), _("When that first time ends.")),
    Field("recurrence", "string", _("Rhythm"), _("How often it takes place, as a code (“open_hours”: a place "
          "with opening hours)."), enum=Offer.Recurrence.values, required=True),
    Field("recurrence_until", "date", _("Until"), _("The last date, for a regular activity that ends.")),
    Field("place_name", "string", _("Place"), _("The name of the place.")),
    Field("address", "string", _("Address"), _("The address of the place (a public place).")),
    Field("neighbourhood", "string", _("Neighbourhood"), _("The neighbourhood (district) of the place.")),
    _latitude(),
    _longitude(),
    Field("cost", "string", _("Cost"), _("Free, paid or solidarity price, as a code."), enum=Offer.Cost.values,
          required=True),
    Field("price", "string", _("Price"), _("The price, in words, when it is not free.")),
    _flag("step_free", _("Step-free access"), _("Whether the place can be reached without steps.")),
    _flag("hearing_loop", _("Hearing loop"), _("Whether the place has a hearing loop.")),
    Field("transport", "string", _("Public transport"), _("How to get there by public transport.")),
    _flag("screen_free", _("Without screens"), _("Whether the activity is done without screens.")),
    _flag("companion_first_visit", _("Companion the first time"), _("Whether someone can come along the first "
          "time.")),
    Field("audience", "string", _("Audience"), _("Who it is for, as a code."), enum=Offer.Audience.values,
          required=True),
    Field("contact_name", "string", _("Contact"), _("The offer's public contact (not a resident's).")),
    Field("contact_email", "string", _("Contact e-mail"), _("The offer's public e-mail address."), format="email"),
    Field("contact_phone", "string", _("Contact phone"), _("The offer's public phone number.")),
    Field("status", "string", _("Status"), _("“published”, or “to_verify” when its managers have not confirmed it "
          "in time or residents report it outdated."), enum=LISTED_OFFER_STATUSES, required=True),
    Field("last_confirmed_at", "datetime", _("Last confirmed"), _("When its managers last confirmed it is "
          "current.")),
]  # fmt: skip

# Each schema with the export's own column list, checked to match.
SCHEMAS: dict[str, tuple[list[str], list[Field], list[str]]] = {
    "pactes": (PACT_COLUMNS, PACT_FIELDS, ["id"]),
    "biens-communs": (COMMONS_COLUMNS, COMMONS_FIELDS, ["id"]),
    "registre-moderation": (MODERATION_COLUMNS, MODERATION_FIELDS, []),
    "indicateurs": (DASHBOARD_COLUMNS, DASHBOARD_FIELDS, []),
    "seances-debats": (SESSION_COLUMNS, SESSION_FIELDS, ["id"]),
    "offres": (OFFER_COLUMNS, OFFER_FIELDS, ["id"]),
}


def table_schema(name: str) -> dict:
    """The Table Schema of one dataset; empty cells are missing values."""
    columns, fields, primary_key = SCHEMAS[name]
    if [f.name for f in fields] != list(columns):
        raise AssertionError(f"The schema of {name} does not follow its export's columns.")
    schema = {"fields": [f.as_schema() for f in fields], "missingValues": [""]}
    if primary_key:
        schema["primaryKey"] = primary_key
    return schema

"""The default steps together: the strongest verdict wins, the first of equals explains, and no
text or context makes the pipeline raise."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.corpus import default_rules
from moderation.pipeline import Decision, MessageContext, run
from moderation.rules import DEFAULTS, RULES, compile_steps

from .conftest import seconds_ago

# The default profile as the migrations leave it (0003, then the corpus's rules of 0007).
DEFAULT_RULES = default_rules()
STEPS = compile_steps(DEFAULT_RULES, new_participant_held=0)


def test_default_steps_run_every_content_rule_in_order():
    assert [rule for rule, _ in STEPS] == list(RULES.values())
    assert list(RULES) == [
        "flood",
        "shouting",
        "insults",
        "attacks",
        "threats",
        "third_party",
        "generalisations",
        "exclusion",
        "sarcasm",
        "classifier",
        "links",
        "newcomers",
        "reformulation",
    ]


def test_pipeline_allows_an_ordinary_message(context):
    verdict = run(STEPS, context("Je propose un composteur collectif près de l’école.", published_count=4))

    assert verdict.decision is Decision.ALLOW


def test_pipeline_hold_beats_a_nudge(context):
    # Shouting (nudge) and an insult (hold): the hold wins, whatever the order.
    verdict = run(STEPS, context("QUEL CONNARD CE MAIRE, VRAIMENT"))

    assert (verdict.decision, verdict.rule, verdict.code) == (Decision.HOLD, "insults", "INSULT")


def test_pipeline_reject_beats_a_hold_and_stops(context):
    ctx = context("connard", recent_bodies=("a",) * 5, recent_times=seconds_ago(1, 2, 3, 4, 5))

    verdict = run(STEPS, ctx)

    assert (verdict.decision, verdict.rule, verdict.code) == (Decision.REJECT, "flood", "FLOOD")


def test_pipeline_first_of_equal_verdicts_explains(context):
    body = "TU ES VRAIMENT NUL AVEC TON PROJET"
    attacks_first = compile_steps(
        [{"rule": "attacks", "enabled": True}, {"rule": "shouting", "enabled": True}], new_participant_held=0
    )

    assert run(STEPS, context(body)).rule == "shouting"
    assert run(attacks_first, context(body)).rule == "attacks"


def test_pipeline_confirmed_nudges_give_way_but_holds_stay(context):
    assert run(STEPS, context("TU ES VRAIMENT NUL AVEC TON PROJET", confirm=True)).decision is Decision.ALLOW
    assert run(STEPS, context("Tu es nul, connard", confirm=True)).decision is Decision.HOLD


def test_pipeline_newcomers_count_comes_from_the_profile(context):
    held = compile_steps(DEFAULT_RULES, new_participant_held=2)

    assert run(held, context("Bonjour", published_count=1)).code == "NEW_PARTICIPANT"
    assert run(held, context("Bonjour", published_count=2)).decision is Decision.ALLOW


_times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
_contexts = st.builds(
    MessageContext,
    body=st.text(max_size=1200),
    author_id=st.one_of(st.none(), st.integers(min_value=1)),
    debate_id=st.integers(min_value=1),
    language=st.one_of(st.sampled_from(["fr", "en"]), st.text(max_size=5)),
    now=st.one_of(st.none(), _times),
    reply_to_body=st.one_of(st.none(), st.text(max_size=300)),
    reformulation=st.text(max_size=300),
    confirm=st.booleans(),
    published_count=st.integers(min_value=0, max_value=10_000),
    recent_bodies=st.lists(st.text(max_size=200), max_size=8).map(tuple),
    recent_times=st.lists(_times, max_size=8).map(lambda times: tuple(sorted(times, reverse=True))),
    room=st.fixed_dictionaries({}, optional={"reformulation_required": st.booleans()}),
    participant=st.fixed_dictionaries({}, optional={"trusted": st.booleans()}),
)


@settings(max_examples=300, deadline=None)
@given(ctx=_contexts, held=st.integers(min_value=0, max_value=20))
def test_pipeline_never_raises_on_arbitrary_text_and_contexts(ctx, held):
    verdict = run(compile_steps(DEFAULT_RULES, new_participant_held=held), ctx)

    assert isinstance(verdict.decision, Decision)
    if verdict.decision is not Decision.ALLOW:
        assert verdict.rule in RULES
        assert verdict.code.isupper()
        assert verdict.explanation
    if verdict.code == "FLOOD":
        assert verdict.retry_after >= 1


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(max_size=50),
    suffix=st.text(max_size=50),
    junk=st.lists(
        st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]), min_size=1, max_size=4
    ),
)
def test_pipeline_sees_an_insult_through_invisible_characters_anywhere(prefix, suffix, junk):
    word = "connard"
    cut = len(junk) % (len(word) - 1) + 1
    hidden = word[:cut] + "".join(junk) + word[cut:]
    ctx = MessageContext(body=f"{prefix} {hidden} {suffix}", author_id=1, debate_id=1, now=datetime.now(UTC))

    verdict = run(STEPS, ctx)

    # Surrounding text may only make it stronger (a flood cannot happen here: no history).
    assert verdict.decision >= Decision.HOLD


def test_pipeline_duplicate_check_survives_times_shorter_than_bodies(context):
    ctx = context(
        "Il faut rouvrir la piscine",
        recent_bodies=("autre", "il faut rouvrir la piscine"),
        recent_times=(datetime(2026, 11, 26, 9, 59, tzinfo=UTC),),
        now=datetime(2026, 11, 26, 10, 0, tzinfo=UTC) + timedelta(seconds=1),
    )
    assert run(STEPS, ctx).code == "DUPLICATE"


def test_default_profile_writes_out_every_default_threshold():
    # Facilitators see the thresholds they edit; only the newcomers count is left to the profile.
    for step in DEFAULT_RULES:
        expected = {key: value for key, value in DEFAULTS[step["rule"]].items() if key != "count"}
        assert step["params"] == expected, step["rule"]

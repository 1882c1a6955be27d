"""The labelled corpus through the default profile's pipeline: the targets on the held-out split,
whatever the author's interface language."""

import pytest

from moderation import corpus
from moderation.models import FacilitationProfile
from moderation.pipeline import Decision, MessageContext, run
from moderation.rules import compile_steps

STEPS = compile_steps(corpus.default_rules())
OUTCOME = {Decision.ALLOW: "publish", Decision.NUDGE: "nudge", Decision.HOLD: "hold", Decision.REJECT: "hold"}


def decide_as(interface: str):
    def decide(sample: corpus.Sample) -> str:
        context = MessageContext(body=sample.text, author_id=1, debate_id=1, language=interface)
        return OUTCOME[run(STEPS, context).decision]

    return decide


def test_corpus_has_enough_sentences_of_each_language_and_known_labels():
    samples = corpus.load()
    languages = [s.language for s in samples]
    assert languages.count("fr") >= 400 and languages.count("en") >= 100
    assert {s.expected for s in samples} <= set(corpus.OUTCOMES)
    assert all(s.expected == "publish" for s in samples if s.category in corpus.CIVIL_CATEGORIES)
    assert len({s.text for s in samples}) == len(samples), "a sentence is listed twice"
    test = corpus.load("test")
    assert 0.2 < len(test) / len(samples) < 0.45
    assert {s.category for s in test} >= {"threat", "insult", "polysemy", "generalisation", "attack_official"}


@pytest.mark.parametrize("interface", ["fr", "en"])
def test_corpus_held_out_split_meets_the_targets(interface):
    score = corpus.score(corpus.load("test"), decide_as(interface))

    assert score.civil_held <= 0.01, score.misses()
    assert score.civil_nudged <= 0.05, score.misses()
    assert score.hostile_published <= 0.10, score.misses()


def test_corpus_outcome_does_not_depend_on_the_authors_interface_language():
    samples = corpus.load()
    french = corpus.score(samples, decide_as("fr")).results
    english = corpus.score(samples, decide_as("en")).results

    assert [got for _s, got in french] == [got for _s, got in english]


def test_default_profile_in_the_database_runs_the_corpus_rules(db):
    profile = FacilitationProfile.objects.get(slug="non-violent")

    assert profile.rules == corpus.default_rules()

"""The rules of the evaluation corpus: the message's own language, words of two senses, threats,
attacks on third persons and officials, generalisations, exclusion, mocking emoji, and the
pluggable classifier step."""

import pytest
from django.test import override_settings

from moderation import corpus
from moderation.pipeline import Decision, run
from moderation.rules import DEFAULTS, compile_steps, validate
from moderation.rules.classifier import classifier
from moderation.rules.exclusion import exclusion
from moderation.rules.generalisations import generalisations
from moderation.rules.insults import insults
from moderation.rules.language import languages_of
from moderation.rules.sarcasm import sarcasm
from moderation.rules.third_party import third_party
from moderation.rules.threats import threats

from .doubles import WordScoreClassifier

STEPS = compile_steps(corpus.default_rules())


# --- The message's own language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Je propose qu'on installe des bancs devant la pharmacie du quartier.", {"fr"}),
        ("I would like the library to open later on Thursdays.", {"en"}),
        ("ok", {"fr", "en"}),  # too short to tell: both languages' rules run
        ("Quel con ce maire", {"fr", "en"}),  # short and unsure
    ],
)
def test_language_of_a_message_decides_which_rules_apply(text, languages):
    assert languages_of(text) == frozenset(languages)


@pytest.mark.parametrize("interface", ["fr", "en"])
@pytest.mark.parametrize("body", ["Quel con ce maire", "le maire est une bite", "Encore un sale arabe au guichet."])
def test_insults_in_french_are_caught_whatever_the_interface_language(context, body, interface):
    verdict = run(STEPS, context(body, language=interface))

    assert verdict.decision is Decision.HOLD


def test_nudges_speak_the_authors_interface_language(context):
    french = insults(context("C'est débile de fermer la piscine en été.", language="fr"), DEFAULTS["insults"])
    english = insults(context("C'est débile de fermer la piscine en été.", language="en"), DEFAULTS["insults"])

    assert "sense" in english.explanation and "sense" not in french.explanation and "sens" in french.explanation


# --- Words of two senses --------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Mon chien est un bâtard, un croisé très doux.",  # a word of its ordinary sense is there
        "Il y a une bitte d'amarrage cassée sur le quai.",
        "J'ai posé une tapette dans la cave, il y a des souris.",
        "On a lu une nouvelle de Gogol au club de lecture.",  # a name
        "Le concert des Enfoirés passe ce soir.",
        "Il m'a traité de « bâtard » devant ses amis.",  # reported words
        "Tu n'es pas un imbécile parce que tu poses des questions.",  # denied
        "Au bar on sert un café con leche.",
    ],
)
def test_insults_let_a_word_of_two_senses_through_in_its_ordinary_sense(context, body):
    assert insults(context(body), DEFAULTS["insults"]) is None


@pytest.mark.parametrize(
    "body", ["T'es un bâtard.", "Le maire est un bouffon.", "Ce bouffon d'élu ment.", "Sale bâtard !"]
)
def test_insults_hold_a_word_of_two_senses_aimed_at_a_person(context, body):
    verdict = insults(context(body), DEFAULTS["insults"])

    assert verdict.decision is Decision.HOLD and verdict.code == "INSULT"


def test_insults_nudge_a_word_of_two_senses_aimed_at_nobody_and_say_why(context):
    verdict = insults(context("Quelle décision débile.", language="fr"), DEFAULTS["insults"])

    assert verdict.decision is Decision.NUDGE and verdict.code == "AMBIGUOUS_WORD"
    assert "débile" in verdict.explanation and "sens" in verdict.explanation


def test_insults_take_a_coarse_word_aimed_at_a_person_as_an_insult(context):
    assert insults(context("Ce projet est con."), DEFAULTS["insults"]).code == "VULGAR"
    assert insults(context("Ce voisin est con."), DEFAULTS["insults"]).code == "INSULT"


def test_insults_read_a_listed_word_after_a_title_as_a_name(context):
    assert insults(context("Le docteur est chez Monsieur Connard ce matin."), DEFAULTS["insults"]) is None
    assert insults(context("Ce connard ne répond jamais."), DEFAULTS["insults"]).decision is Decision.HOLD


# --- Threats, attacks on third persons, generalisations, exclusion, mocking emoji -------------


@pytest.mark.parametrize(
    "body",
    [
        "On sait où tu habites, fais gaffe.",
        "Je vais te casser la gueule.",
        "Il faudrait brûler la mairie.",
        "Go kill yourself.",
        "Someone should burn the depot down.",
        "Fais attention à ta voiture ce soir.",
        "Tu ne perds rien pour attendre.",
        "Ta famille va payer.",
        "You'll pay for this.",
    ],
)
def test_threats_are_held(context, body):
    verdict = threats(context(body), DEFAULTS["threats"])

    assert verdict.decision is Decision.HOLD and verdict.code == "THREAT"


@pytest.mark.parametrize(
    "body",
    [
        "Je sais où tu habites, je t'apporte les plants demain.",  # an address without a warning
        "Fais gaffe à la marche en entrant.",
        "Je vais te tuer au Scrabble samedi !",  # a game
        "Dans le film, le méchant dit « je vais vous tuer ».",  # reported words
        "Ce n'est pas une menace, juste un rappel.",
        "Tu vas pleurer de rire au spectacle.",
        "Tu vas crever de froid sans manteau, prends le mien !",
        "You'll pay for the tickets at the door.",
    ],
)
def test_threats_let_everyday_phrases_through(context, body):
    assert threats(context(body), DEFAULTS["threats"]) is None


def test_threats_read_the_phrases_a_facilitator_adds(context):
    params = {**DEFAULTS["threats"], "phrases": ["on va régler ça dehors"]}

    assert threats(context("Toi et moi, on va régler ça dehors."), params).code == "THREAT"


def test_third_party_attacks_on_an_official_get_their_own_nudge(context):
    official = third_party(context("Le maire est un menteur et un escroc."), DEFAULTS["third_party"])
    neighbour = third_party(context("Mon voisin est un escroc."), DEFAULTS["third_party"])

    assert (official.decision, official.code) == (Decision.NUDGE, "ATTACK_OFFICIAL")
    assert (neighbour.decision, neighbour.code) == (Decision.NUDGE, "ATTACK_THIRD")
    assert "décid" in official.explanation


@pytest.mark.parametrize(
    "body",
    [
        "Le maire n'est pas un menteur, les chiffres ont changé.",
        "Le terrain est vendu depuis mars.",
        "Le maire a répondu à ma lettre.",
        "Elle est folle de son jardin.",
    ],
)
def test_third_party_lets_facts_and_negations_through(context, body):
    assert third_party(context(body), DEFAULTS["third_party"]) is None


@pytest.mark.parametrize(
    "body",
    ["Les Roumains sont tous des voleurs.", "Les vieux ne comprennent rien.", "Immigrants are all criminals."],
)
def test_generalisations_about_a_group_are_nudged(context, body):
    assert generalisations(context(body), DEFAULTS["generalisations"]).code == "GENERALISATION"


@pytest.mark.parametrize(
    "body",
    [
        "Les bénévoles sont tous formidables.",
        "Les jeunes ne sont pas tous des délinquants.",
        "Arrêtons de dire que les Roms sont des voleurs.",
    ],
)
def test_generalisations_let_praise_and_denials_through(context, body):
    assert generalisations(context(body), DEFAULTS["generalisations"]) is None


@pytest.mark.parametrize(
    "body",
    [
        "Les gens comme toi, on devrait les virer du quartier.",
        "Retourne dans ton pays.",
        "Il faut chasser les Roms du terrain.",
        "You don't belong here.",
    ],
)
def test_exclusion_is_nudged(context, body):
    assert exclusion(context(body), DEFAULTS["exclusion"]).code == "EXCLUSION"


@pytest.mark.parametrize(
    "body",
    [
        "On devrait virer le vieux frigo du local.",
        "Il faut dégager l'entrée de l'école.",
        "On ne va pas chasser les gens.",
    ],
)
def test_exclusion_lets_things_and_negations_through(context, body):
    assert exclusion(context(body), DEFAULTS["exclusion"]) is None


def test_sarcasm_needs_praise_and_a_mocking_emoji(context):
    assert sarcasm(context("Bravo le génie 🤡"), DEFAULTS["sarcasm"]).code == "SARCASM"
    assert sarcasm(context("Encore de la pluie 🙄"), DEFAULTS["sarcasm"]) is None
    assert sarcasm(context("Bravo pour l'organisation !"), DEFAULTS["sarcasm"]) is None


def test_new_rules_are_data_a_facilitator_can_tune(context):
    # Exclusion held instead of nudged, and a bad decision refused by the profile's validation.
    rules = [{"rule": "exclusion", "enabled": True, "params": {"decision": "hold"}}]
    assert run(compile_steps(rules), context("Retourne dans ton pays.")).decision is Decision.HOLD
    assert validate([{"rule": "threats", "params": {"decision": "maybe"}}])
    assert validate([{"rule": "threats", "params": {"phrases": "not a list"}}])


# --- The pluggable classifier ---------------------------------------------------------------


def test_classifier_step_does_nothing_by_default(context):
    assert classifier(context("Something hostile"), DEFAULTS["classifier"]) is None


@override_settings(MODERATION_CLASSIFIER="tests.moderation.doubles.WordScoreClassifier")
def test_classifier_step_nudges_and_holds_by_score_with_the_messages_language(context):
    WordScoreClassifier.calls.clear()
    params = DEFAULTS["classifier"]

    assert classifier(context("A hostile message about the bus lane, really"), params).decision is Decision.HOLD
    assert classifier(context("A tense message about the bus lane, honestly"), params).decision is Decision.NUDGE
    assert classifier(context("A friendly message about the bus lane, thanks"), params) is None
    assert WordScoreClassifier.calls[0][1] == "en"


@override_settings(MODERATION_CLASSIFIER="tests.moderation.doubles.BrokenClassifier")
def test_classifier_that_fails_lets_the_message_through(context):
    assert classifier(context("Bonjour à tous"), DEFAULTS["classifier"]) is None


@override_settings(MODERATION_CLASSIFIER="tests.moderation.doubles.WordScoreClassifier")
def test_classifier_runs_in_the_corpus_pipeline_without_changing_civil_outcomes(context):
    # The double scores no corpus sentence: the corpus figures stay those of the rules.
    score = corpus.score(
        corpus.load("test"),
        lambda s: run(STEPS, context(s.text)).decision.code.replace("allow", "publish"),
    )
    assert score.civil_held <= 0.01 and score.hostile_published <= 0.10
    assert WordScoreClassifier.calls


def test_insults_read_a_phrase_whose_last_word_is_spelt_out(context):
    assert insults(context("Ferme ta g u e u l e."), DEFAULTS["insults"]).decision is Decision.HOLD
    assert insults(context("Ferme ta porte, il fait froid."), DEFAULTS["insults"]) is None

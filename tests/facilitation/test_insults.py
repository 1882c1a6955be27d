"""The insults rule and its lexicon: what it must catch, what it must let through, and the
Unicode tricks it must see through."""

import pytest

from facilitation.filters import DEFAULTS
from facilitation.filters.insults import insults
from facilitation.filters.lexicon import LEXICON, curated_entries, load
from facilitation.filters.normalise import fold, word_forms, words
from facilitation.pipeline import Decision

PARAMS = DEFAULTS["insults"]


@pytest.mark.parametrize(
    ("body", "language", "code"),
    [
        # French insults, slurs and vulgarity
        ("Quel connard, franchement.", "fr", "INSULT"),
        ("Bande d'enculés !", "fr", "INSULT"),
        ("fils de pute", "fr", "INSULT"),
        ("Ferme ta gueule", "fr", "INSULT"),
        ("espèce de con", "fr", "INSULT"),
        ("Les salopes du conseil", "fr", "INSULT"),
        ("sale arabe", "fr", "SLUR"),
        ("Rentre chez toi, bougnoule", "fr", "SLUR"),
        ("c'est un PÉDÉ", "fr", "SLUR"),
        ("Ces youpins", "fr", "SLUR"),
        ("Putain, encore des travaux", "fr", "VULGAR"),
        ("c'est de la merde", "fr", "VULGAR"),
        ("c'est con", "fr", "VULGAR"),
        # English
        ("You absolute moron", "en", "INSULT"),
        ("what an asshole", "en", "INSULT"),
        ("fuck you", "en", "INSULT"),
        ("that's bullshit", "en", "VULGAR"),
        ("go back home you nigger", "en", "SLUR"),
        ("no faggots here", "en", "SLUR"),
        ("stop acting retarded", "en", "SLUR"),
        # English words in a French message still count
        ("Quelle bitch", "fr", "INSULT"),
        # Unicode and spelling tricks
        ("c0nn4rd", "fr", "INSULT"),  # leetspeak
        ("s@l0pe", "fr", "INSULT"),
        ("sa|ope", "fr", "INSULT"),  # "|" read as an l
        ("1mbécile", "fr", "INSULT"),  # "1" read as an i
        ("con\u200bnard", "fr", "INSULT"),  # zero-width space
        ("con\u00adnard", "fr", "INSULT"),  # soft hyphen
        ("con\u2060nard", "fr", "INSULT"),  # word joiner
        ("\u0441onnard", "fr", "INSULT"),  # Cyrillic es
        ("\u0441\u043ennard", "fr", "INSULT"),  # Cyrillic es and o
        ("c\u03bfnnard", "fr", "INSULT"),  # Greek omicron
        ("ｃｏｎｎａｒｄ", "fr", "INSULT"),  # fullwidth forms
        ("𝐜𝐨𝐧𝐧𝐚𝐫𝐝", "fr", "INSULT"),  # mathematical bold
        ("CONNARD", "fr", "INSULT"),  # case
        ("enculé", "fr", "INSULT"),  # accent written
        ("encule", "fr", "INSULT"),  # accent left out
        ("enculè", "fr", "INSULT"),  # wrong accent
        ("connnnnnnard", "fr", "INSULT"),  # stretched letters
        ("saloooooope", "fr", "INSULT"),
        ("fuuuuuck", "en", "VULGAR"),
        ("c o n n a r d", "fr", "INSULT"),  # spelt out
        ("c.o.n.n.a.r.d", "fr", "INSULT"),
        ("F1LS DE PUTE", "fr", "INSULT"),  # leetspeak inside a phrase
        ("n\u200bigger", "en", "SLUR"),
        ("quel c*nnard", "fr", "INSULT"),  # letters masked by stars
        ("f**k this", "en", "VULGAR"),
        ("\U0001f595", "en", "VULGAR"),  # the middle finger
    ],
)
def test_insults_catches_insults_slurs_and_tricks(context, body, language, code):
    verdict = insults(context(body, language=language), PARAMS)

    assert verdict is not None
    assert verdict.code == code
    assert verdict.rule == "insults"
    expected = Decision.NUDGE if code == "VULGAR" else Decision.HOLD
    assert verdict.decision is expected


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Le contrat de la salle est signé.", "fr"),
        ("Il y a une longue queue devant la mairie.", "fr"),
        ("Les concombres du jardin partagé", "fr"),
        ("J'habite rue des Lilas.", "fr"),
        ("Scunthorpe and Penistone are twinned towns", "en"),
        ("Nous sommes confrontés à un problème de conception.", "fr"),
        ("La rue est en cul-de-sac.", "fr"),
        ("Un raton laveur dans le parc", "fr"),
        ("Du pain bâtard à la boulangerie", "fr"),
        ("Une tapette à mouches", "fr"),
        ("chili con carne à la cantine", "fr"),
        ("the pros and cons of the project", "en"),
        ("Mosquitoes bite in the park at night", "en"),  # "bite" only counts in French
        ("the cons of this plan", "en"),  # "con" only counts in French
        ("une gerbe de fleurs pour la cérémonie", "fr"),
        ("la sortie de secours est bourrée de cartons", "fr"),
        ("la campagne contre le harcèlement sexuel", "fr"),
        ("sexual harassment awareness week", "en"),
        ("la réunion du 12 xxx", "fr"),
        ("Le Niger et le Nigeria", "fr"),
        ("a class assessment", "en"),
        ("a cocktail at the Dickens museum", "en"),
        ("Les pour et les contre, j'ai envie d'un débat", "fr"),
        ("c0ntrat", "fr"),
        ("Le bus est encore en retard ce matin.", "fr"),  # "retard" only counts in English
        ("Pique-nique de quartier samedi, on pique-nique au parc !", "fr"),
        ("Du fumier pour le potager du jardin partagé", "fr"),
        ("un concert de negro spirituals à l’église", "fr"),
        ("a rock-paper-scissors game, summa cum laude", "en"),
        ("a chink in the armour of the plan", "en"),
        ("piano fingering lessons at the library", "en"),
        ("the costs are snowballing", "en"),
        ("la c o m m u n e", "fr"),
        ("C’est *vraiment* important, 2*3 = 6", "fr"),  # stars that mask nothing
        ("", "fr"),
    ],
)
def test_insults_lets_ordinary_words_through(context, body, language):
    assert insults(context(body, language=language), PARAMS) is None


def test_insults_looks_at_the_reformulation_too(context):
    verdict = insults(context("Je ne suis pas d'accord.", reformulation="Tu dis que ce connard a raison"), PARAMS)

    assert verdict is not None
    assert verdict.code == "INSULT"


def test_insults_decisions_come_from_the_params(context):
    params = {**PARAMS, "vulgar": "hold", "insult": "nudge"}

    assert insults(context("merde"), params).decision is Decision.HOLD
    assert insults(context("connard"), params).decision is Decision.NUDGE
    assert insults(context("merde"), {**PARAMS, "vulgar": "allow"}) is None


def test_insults_judges_on_the_strongest_word(context):
    verdict = insults(context("merde, quel connard, sale arabe"), PARAMS)

    assert verdict.code == "SLUR"


def test_insults_confirmed_vulgar_nudge_goes_through_but_a_hold_stays(context):
    assert insults(context("merde alors", confirm=True), PARAMS) is None
    assert insults(context("connard", confirm=True), PARAMS).decision is Decision.HOLD


def test_insults_explanation_quotes_the_word_as_written(context):
    assert "«\u00a0C0nnard\u00a0»" in insults(context("Quel C0nnard", language="fr"), PARAMS).explanation
    assert "“enculé”" in insults(context("bande d'enculé", language="en"), PARAMS).explanation
    # Split by an invisible character: the lexicon's spelling.
    assert "“connard”" in insults(context("con\u200bnard", language="en"), PARAMS).explanation


def test_insults_explains_in_the_authors_language(context):
    french = insults(context("connard", language="fr"), PARAMS)
    english = insults(context("connard", language="en"), PARAMS)

    assert "insulte" in french.explanation
    assert "insult" in english.explanation and "insulte" not in english.explanation
    assert french.suggestion.startswith("Quand ")
    assert english.suggestion.startswith("When ")


def test_fold_removes_invisible_characters_accents_and_look_alikes():
    assert fold("É\u200bcole") == "ecole"
    assert fold("\u202eécole\u202c") == "ecole"
    assert fold("\ufeffｓａｌｕｔ") == "salut"
    assert fold("Ꮯ") != "c"  # Cherokee is not folded: only the listed look-alikes are
    assert fold("\u0430\u0432\u0441") == "abc"
    assert fold("cœur") == "coeur"


def test_word_forms_read_leetspeak_and_stretched_letters():
    assert word_forms("c0n") == ("c0n", "con")
    assert "idiot" in word_forms("1d1ot")
    assert "cul" in word_forms("cu1")
    assert word_forms("2026") == ("2026",)  # numbers stay numbers
    assert word_forms("bonjour") == ("bonjour",)
    assert "conard" in word_forms("connnnard")


def test_words_join_letters_spelt_one_by_one():
    assert [forms[0] for forms in words(fold("un c o n ici"))] == ["un", "c", "o", "n", "con", "ici"]


def test_lexicon_covers_both_languages_and_every_category():
    categories = {(entry.category) for entry in LEXICON.single.values()}

    assert {"slur", "insult", "vulgar"} <= categories
    assert LEXICON.single["connard"].category == "insult"
    assert LEXICON.single["asshole"].category == "insult"
    assert LEXICON.single["bougnoule"].category == "slur"
    assert LEXICON.single["nigger"].category == "slur"
    assert "sexual" not in LEXICON.single  # dropped by the curated list
    assert len(load()) == len(LEXICON)


def test_curated_lexicon_refuses_a_malformed_line(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("# comment\nconnard\tinsult\nmerde\tswear\n", encoding="utf-8")

    with pytest.raises(ValueError, match="line 3"):
        curated_entries(path)

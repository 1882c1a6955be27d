"""Words that name people: who a judgement, a threat or an exclusion can be aimed at.

Folded like messages (lower case, no accents). The lists are deliberately about roles and
groups, never about individuals: a capitalised name is recognised by its capital instead.
"""

from __future__ import annotations


def words_of(text: str) -> frozenset[str]:
    """The words of ``text`` (separated by spaces or new lines), as a set."""
    return frozenset(text.split())


def _forms(words: str, endings: tuple[str, ...] = ("", "s")) -> frozenset[str]:
    return frozenset(word + ending for word in words.split() for ending in endings)


# Officials and the city's staff.
OFFICIALS = _forms(
    """maire adjoint adjointe elu elue conseiller conseillere depute deputee senateur senatrice ministre
    prefet prefete president presidente directeur directrice agent agente fonctionnaire policier policiere
    flic gendarme chef cheffe responsable gouvernement mairie municipalite
    mayor councillor councilor council official officer mp minister governor chair chairman chairwoman
    senator president manager cop police"""
)
# Anyone else one can speak about.
PERSONS = (
    OFFICIALS
    | _forms(
        """type mec gars nana femme homme mari voisin voisine gardien gardienne prof professeur instituteur
    institutrice medecin patron patronne coach animateur animatrice tresorier tresoriere architecte
    commercant commercante syndic famille gamin gamine gosse personne monsieur madame dame fils fille
    frere soeur pere mere cousin copain copine collegue chauffeur conducteur conductrice proprio
    locataire habitant habitante
    guy man woman neighbour neighbor husband wife teacher doctor boss coach landlord tenant driver
    person lady bloke chap kid friend""",
    )
    | words_of("""gens people folk folks""")
)
# Groups of people, for generalisations and exclusions (plural forms).
GROUPS = words_of(
    """gens jeunes vieux seniors retraites immigres immigrees migrants etrangers etrangeres refugies roms
    gitans tsiganes arabes africains noirs blancs asiatiques chinois juifs musulmans musulmanes
    chretiens catholiques homos gays lesbiennes trans femmes hommes fonctionnaires chomeurs sdf
    locataires proprietaires cyclistes automobilistes ecolos flics policiers elus politiques parisiens
    banlieusards provinciaux ados adolescents riches pauvres assistes handicapes musulmans beurs
    voyageurs campagnards ouvriers patrons profs syndicalistes immigrants migrants foreigners refugees
    muslims jews christians gays lesbians women men cyclists drivers tenants landlords youngsters
    teenagers pensioners officials workers cops politicians travellers blacks whites asians arabs
    africans poor rich unemployed homeless"""
)
PRONOUNS = words_of("""il elle ils elles lui eux he she they him them""")
YOU = words_of("""tu t toi te vous you u ya""")

"""Texts of the demo programme (French, as the city would publish them).

The engagements' titles are those of the programme "Faire la ville du lien"; summaries,
principles, actions and examples are written for this demo city.
"""

import datetime

PLANNED, IN_PROGRESS, DONE = "planned", "in_progress", "done"


def d(year: int, month: int, day: int = 1) -> str:
    return datetime.date(year, month, day).isoformat()


PROGRAMME_INTRO = (
    "<p>Se sentir seul n’est pas une affaire privée : c’est aussi le signe d’une ville où l’on se "
    "croise sans se rencontrer. La ville a adopté les dix engagements du programme « Faire la ville "
    "du lien » et rend compte ici, engagement par engagement, de ce qu’elle entreprend et de "
    "l’avancement de chaque action.</p>"
    "<p>Chaque engagement réunit les actions prévues, en cours ou réalisées, le service qui en "
    "répond, un exemple venu d’ailleurs et les débats et pactes de collaboration qui s’y "
    "rattachent.</p>"
)

# number, title, summary, principle, actions (title, description, status, department, start, end),
# inspiring example (title, place, text)
ENGAGEMENTS = [
    (
        1,
        "Concevoir l’espace public comme une infrastructure relationnelle",
        "Des rues, des places et des bancs pensés pour que l’on s’y arrête et que l’on s’y parle, "
        "et pas seulement pour que l’on y passe.",
        "Une rue conçue pour circuler vite ne retient personne. Un banc à l’ombre, une placette "
        "calme ou un chemin agréable donnent au contraire l’occasion de s’arrêter et de saluer ses "
        "voisins. La ville veut aménager ses espaces publics en tenant compte de ces usages, pour "
        "tous les âges et toutes les mobilités.",
        [
            (
                "Cent bancs de plus dans les quartiers qui en manquent",
                "Installation de bancs et de tables choisis avec les habitants lors de marches de quartier.",
                IN_PROGRESS,
                "Direction de l’espace public",
                d(2026, 3),
                d(2027, 6),
            ),
            (
                "Bilan du mobilier qui empêche de s’asseoir",
                "Recensement du mobilier dissuasif et remplacement progressif.",
                DONE,
                "Direction de l’espace public",
                d(2025, 10),
                d(2026, 2),
            ),
            (
                "Un chemin piéton arboré entre la gare et le parc",
                "Continuité piétonne ombragée reliant commerces, écoles et espaces verts.",
                PLANNED,
                "Service des mobilités",
                d(2027, 1),
            ),
        ],
        (
            "Des îlots rendus aux habitants",
            "Barcelone (Espagne)",
            "En limitant fortement la circulation dans certains îlots, Barcelone a libéré de la place "
            "pour des bancs, des arbres et des jeux. Sans programme social particulier, les rues sont "
            "redevenues des lieux où l’on se retrouve.",
        ),
    ),
    (
        2,
        "Développer des lieux de proximité qui font lien",
        "Des lieux ouverts près de chez soi, où l’on peut entrer sans raison, rester sans payer et "
        "revenir quand on veut.",
        "Médiathèques, maisons de quartier et équipements sportifs ou culturels sont des points de "
        "repère du quotidien. La ville préfère rendre ses lieux existants plus accueillants — "
        "horaires, gratuité, accueil — plutôt que d’en multiplier le nombre.",
        [
            (
                "Médiathèques ouvertes le dimanche",
                "Ouverture dominicale de deux médiathèques, sans inscription.",
                DONE,
                "Réseau des médiathèques",
                d(2025, 9),
                d(2026, 1),
            ),
            (
                "Un café des habitants dans chaque maison de quartier",
                "Un temps d’accueil hebdomadaire, gratuit et sans programme.",
                IN_PROGRESS,
                "Direction de la vie des quartiers",
                d(2026, 1),
            ),
        ],
        (
            "La bibliothèque comme place publique",
            "Helsinki (Finlande)",
            "La bibliothèque centrale d’Helsinki est pensée comme un salon commun : gratuite, ouverte "
            "à tous, on y lit, on y travaille, on y bricole et on s’y rencontre.",
        ),
    ),
    (
        3,
        "Mettre l’enfance et la jeunesse au cœur du lien social",
        "Faire de l’école, du périscolaire et des activités de jeunesse des occasions d’apprendre à "
        "coopérer et à compter les uns sur les autres.",
        "C’est dans l’enfance et la jeunesse que se forme la confiance envers les autres et envers "
        "le collectif. La ville s’appuie sur les temps périscolaires, les activités de jeunesse et "
        "l’engagement des jeunes pour leur faire vivre concrètement l’entraide et la coopération.",
        [
            (
                "Former les animateurs périscolaires à la coopération",
                "Formation aux jeux coopératifs et à la prévention de l’isolement dans les groupes.",
                IN_PROGRESS,
                "Service enfance et périscolaire",
                d(2026, 2),
                d(2026, 12),
            ),
            (
                "Un budget de projets portés par les jeunes",
                "Appel à projets solidaires ouverts aux 12-25 ans, jugés par un jury de jeunes.",
                PLANNED,
                "Service jeunesse",
                d(2026, 9),
            ),
            (
                "Conseil municipal des jeunes renouvelé",
                "Élection et installation du conseil pour deux ans.",
                DONE,
                "Service jeunesse",
                d(2025, 11),
                d(2026, 1),
            ),
        ],
        (
            "Le périscolaire comme temps d’éducation",
            "Rennes (France)",
            "Rennes fait des temps périscolaires un moment éducatif à part entière, où les enfants "
            "participent aux choix et où les animateurs sont formés à la coopération.",
        ),
    ),
    (
        4,
        "Renforcer les liens intergénérationnels comme politique du quotidien",
        "Faire se croiser les générations dans les lieux et les projets de tous les jours, notamment "
        "grâce aux pactes de collaboration.",
        "Les âges de la vie se fréquentent de moins en moins : chacun a ses lieux et ses activités. "
        "La ville veut organiser, dans la durée, des occasions de faire ensemble entre jeunes et "
        "aînés, et soutenir les habitants qui prennent soin ensemble de lieux communs.",
        [
            (
                "Pactes de collaboration pour les biens communs",
                "Habitants, associations et ville signent des pactes pour entretenir et animer "
                "ensemble jardins, cours et salles.",
                IN_PROGRESS,
                "Direction de la participation",
                d(2026, 1),
            ),
            (
                "Jardin partagé entre l’école et la résidence autonomie",
                "Un jardin cultivé par les élèves et les résidents, ouvert le samedi.",
                DONE,
                "Service des espaces verts",
                d(2025, 4),
                d(2025, 10),
            ),
            (
                "Une question intergénérationnelle dans chaque projet municipal",
                "Grille d’analyse ajoutée aux projets culturels, sportifs et d’aménagement.",
                PLANNED,
                "Direction générale des services",
                d(2026, 10),
            ),
        ],
        (
            "Les pactes de collaboration",
            "Bologne (Italie)",
            "Bologne permet aux habitants, aux associations et à la ville de signer des pactes pour "
            "gérer ensemble des biens communs. Ces accords simples ont rapproché des générations "
            "autour de jardins, de places et de projets.",
        ),
    ),
    (
        5,
        "Prévenir l’isolement des seniors et soutenir le maintien des liens tout au long de la vie",
        "Repérer plus tôt les personnes âgées qui s’isolent et s’appuyer sur les voisins et les "
        "associations pour garder le contact.",
        "Vieillir ne condamne pas à la solitude : c’est l’organisation du territoire qui fait la "
        "différence. La ville coordonne ses services, le CCAS, les soignants et les associations pour "
        "repérer les situations d’isolement et proposer à chacun de rester relié à son quartier.",
        [
            (
                "Une cellule de repérage de l’isolement",
                "Le CCAS, les soignants, les bailleurs et les associations se réunissent chaque mois.",
                IN_PROGRESS,
                "CCAS",
                d(2026, 1),
            ),
            (
                "Former les agents d’accueil aux signaux d’alerte",
                "Deux demi-journées de formation pour les agents en contact avec le public.",
                PLANNED,
                "Direction des ressources humaines",
                d(2026, 11),
                d(2027, 3),
            ),
            (
                "Réseau de voisins attentifs",
                "Des habitants volontaires gardent le lien avec des aînés de leur immeuble.",
                DONE,
                "CCAS",
                d(2025, 5),
                d(2025, 12),
            ),
        ],
        (
            "Une stratégie de territoire contre l’isolement",
            "Agen (France)",
            "Agen et son agglomération ont organisé le repérage des personnes âgées isolées avec le "
            "CCAS et les associations, puis élargi la démarche à tous les âges.",
        ),
    ),
    (
        6,
        "Déployer une politique locale de prescription sociale",
        "Permettre aux soignants et aux travailleurs sociaux d’orienter une personne isolée vers une "
        "activité ou une association près de chez elle.",
        "Les relations sociales protègent la santé. La prescription sociale relie les personnes qui "
        "en ont besoin à des activités, des associations ou des projets du territoire, sans remplacer "
        "le soin. La ville joue le rôle d’intermédiaire entre santé, action sociale et vie locale.",
        [
            (
                "Convention avec la maison de santé et le CCAS",
                "Un circuit simple d’orientation vers des activités collectives.",
                IN_PROGRESS,
                "CCAS",
                d(2026, 4),
            ),
            (
                "Annuaire des activités qui font lien",
                "Recensement des activités ouvertes à tous, avec leurs conditions d’accès.",
                PLANNED,
                "Direction de la vie associative",
                d(2026, 9),
                d(2027, 2),
            ),
        ],
        (
            "Relier santé et lien social",
            "Frome (Royaume-Uni)",
            "À Frome, des médecins et des acteurs locaux ont cartographié les ressources de la ville "
            "et formé des personnes relais qui accompagnent les habitants vers ces activités.",
        ),
    ),
    (
        7,
        "Faire du numérique un pont vers le lien humain",
        "Des outils numériques qui aident à se rencontrer en vrai, et un accompagnement pour que "
        "personne ne reste à l’écart.",
        "Le numérique peut faciliter l’accès aux activités et à l’information, mais il isole quand il "
        "remplace la rencontre ou qu’il exclut ceux qui ne le maîtrisent pas. La ville s’en sert pour "
        "faire venir les habitants dans les lieux de vie, et garde des espaces sans écran.",
        [
            (
                "Cette plateforme de participation",
                "Programme, débats animés et pactes de collaboration en ligne, avec des permanences sur place.",
                DONE,
                "Direction du numérique",
                d(2025, 9),
                d(2026, 3),
            ),
            (
                "Permanences d’aide au numérique",
                "Des conseillers numériques dans les maisons de quartier, sans rendez-vous.",
                IN_PROGRESS,
                "Direction du numérique",
                d(2026, 1),
            ),
            (
                "Des salles sans écran dans les médiathèques",
                "Espaces de jeux de société et de discussion.",
                PLANNED,
                "Réseau des médiathèques",
                d(2027, 1),
            ),
        ],
        (
            "Le numérique au service du terrain",
            "Séoul (Corée du Sud)",
            "Séoul associe des outils de repérage et de mise en relation à des visites et des "
            "activités en présence : l’écran oriente, la rencontre se fait sur place.",
        ),
    ),
    (
        8,
        "Soutenir la vie associative comme infrastructure du lien",
        "Reconnaître le travail d’accueil et d’écoute des associations et aider les bénévoles à s’engager et à durer.",
        "Les associations accueillent, écoutent, animent et entretiennent des liens, souvent sans que "
        "cela se voie. La ville les considère comme des partenaires et soutient la formation des "
        "équipes et l’engagement bénévole.",
        [
            (
                "Formations à l’accueil et à l’animation de groupe",
                "Un cycle de formations gratuites pour les bénévoles et les salariés associatifs.",
                IN_PROGRESS,
                "Direction de la vie associative",
                d(2026, 2),
                d(2026, 12),
            ),
            (
                "Forum du bénévolat",
                "Une journée pour découvrir les associations et s’engager.",
                DONE,
                "Direction de la vie associative",
                d(2025, 9, 13),
                d(2025, 9, 13),
            ),
        ],
        (
            "Soutenir les acteurs associatifs",
            "Lyon (France)",
            "Lyon accompagne les associations dans l’accueil et la formation de leurs bénévoles, et "
            "reconnaît ce travail de lien souvent invisible.",
        ),
    ),
    (
        9,
        "Faire du dialogue et de l’écoute une compétence collective locale",
        "Des débats réguliers, animés selon des règles de non-violence, pour apprendre à discuter "
        "des sujets qui fâchent sans se fâcher.",
        "Écouter, exprimer un désaccord sans blesser, chercher ensemble une solution : cela s’apprend. "
        "La ville organise des débats réguliers, en salle et en ligne, animés par des personnes "
        "formées, et soutient la médiation de quartier.",
        [
            (
                "Débats animés en ligne et en salle",
                "Des salles de débat avec animateurs et règles de communication non violente.",
                IN_PROGRESS,
                "Direction de la participation",
                d(2026, 3),
            ),
            (
                "Former des animateurs de débat",
                "Formation à l’animation non violente pour agents et habitants volontaires.",
                DONE,
                "Direction de la participation",
                d(2025, 10),
                d(2026, 2),
            ),
            (
                "Médiation de quartier",
                "Des médiateurs disponibles pour apaiser les conflits de voisinage.",
                PLANNED,
                "Direction de la tranquillité publique",
                d(2026, 10),
            ),
        ],
        (
            "Apprendre à décider ensemble",
            "Saillans (France)",
            "De 2014 à 2020, Saillans a gouverné avec ses habitants : commissions ouvertes, charte de "
            "participation, décisions préparées en commun. Une école du débat à l’échelle d’un village.",
        ),
    ),
    (
        10,
        "Évaluer et rendre visible la politique du lien",
        "Suivre des indicateurs simples et publier chaque année un point « ville du lien » sur ce qui "
        "avance et ce qui reste à faire.",
        "Une politique que l’on ne mesure pas reste floue. La ville intègre le lien social et la "
        "solitude dans ses diagnostics, suit quelques indicateurs lisibles et rend compte chaque "
        "année, publiquement, de ses actions.",
        [
            (
                "Le lien social dans l’analyse des besoins sociaux",
                "Nouveau volet sur l’isolement et la solitude dans le diagnostic du CCAS.",
                IN_PROGRESS,
                "CCAS",
                d(2026, 1),
                d(2026, 9),
            ),
            (
                "Premier point annuel « ville du lien »",
                "Un bilan public, avec indicateurs, présenté en conseil municipal.",
                PLANNED,
                "Mission évaluation",
                d(2026, 12),
            ),
        ],
        (
            "Mesurer pour piloter",
            "Montréal (Canada)",
            "Montréal publie des données par quartier sur la qualité de vie, les inégalités et la "
            "participation, avec ses partenaires de santé publique, pour orienter ses actions.",
        ),
    ),
]

# slug, title, date, summary, paragraphs, tags, engagement number
NEWS = [
    (
        "lancement-de-la-plateforme",
        "La plateforme « Ville du lien » est ouverte",
        datetime.date(2026, 3, 2),
        "Programme, débats animés et pactes de collaboration : tout est désormais en ligne.",
        [
            "La ville ouvre sa plateforme de participation. Chacun peut y suivre les dix engagements, "
            "prendre part aux débats animés et proposer un pacte de collaboration.",
            "Des permanences sont proposées dans les maisons de quartier pour découvrir la plateforme.",
        ],
        ["plateforme", "participation"],
        7,
    ),
    (
        "premier-debat-anime",
        "Premier débat animé : comment mieux partager la place du marché ?",
        datetime.date(2026, 3, 16),
        "Un débat ouvert à tous, animé selon des règles d’écoute et de respect.",
        [
            "Le premier débat de la plateforme porte sur les usages de la place du marché. Il est "
            "animé par des animateurs formés à la communication non violente.",
            "Chacun peut lire les échanges ; pour écrire, il suffit de créer un compte et d’accepter "
            "la charte de participation.",
        ],
        ["débat", "participation"],
        9,
    ),
    (
        "jardin-ecole-residence",
        "Le jardin de l’école et de la résidence autonomie a donné ses premières récoltes",
        datetime.date(2026, 4, 8),
        "Élèves et résidents ont récolté ensemble radis et salades.",
        [
            "Ouvert l’automne dernier, le jardin partagé entre l’école et la résidence autonomie "
            "réunit chaque semaine élèves et aînés.",
            "Il fait désormais l’objet d’un pacte de collaboration avec l’association du quartier.",
        ],
        ["jardins", "intergénérationnel"],
        4,
    ),
    (
        "cent-bancs",
        "Cent bancs pour s’asseoir et se parler",
        datetime.date(2026, 5, 20),
        "Les premiers bancs choisis lors des marches de quartier sont installés.",
        [
            "Trente bancs ont déjà été installés là où les habitants l’ont demandé, près des écoles, "
            "des arrêts de bus et des commerces.",
        ],
        ["espace public"],
        1,
    ),
]

# slug, title, summary, sections (heading, paragraphs)
STANDARD_PAGES = [
    (
        "mentions-legales",
        "Mentions légales",
        "Qui publie ce site, qui l’héberge et comment sont traitées vos données.",
        [
            (
                "Éditeur",
                [
                    "Ce site est publié par la ville dans le cadre du programme « Faire la ville du "
                    "lien ». Directeur ou directrice de la publication : le maire ou la maire.",
                ],
            ),
            (
                "Hébergement",
                ["Le site est hébergé sur des serveurs situés dans l’Union européenne."],
            ),
            (
                "Données personnelles",
                [
                    "La plateforme conserve le moins de données possible : une adresse e-mail pour se "
                    "connecter et un nom affiché choisi par chacun. Vous pouvez exporter vos données "
                    "et supprimer votre compte depuis la page « Mon compte ».",
                    "Vos contributions publiques restent visibles après la suppression du compte, "
                    "sous la mention « participant supprimé ».",
                ],
            ),
            ("Logiciel libre", ["La plateforme est un logiciel libre publié sous licence AGPL."]),
        ],
    ),
    (
        "accessibilite",
        "Déclaration d’accessibilité",
        "La ville s’engage à rendre ce site accessible à toutes et à tous.",
        [
            (
                "État de conformité",
                [
                    "Le site vise la conformité au référentiel général d’amélioration de "
                    "l’accessibilité (RGAA). Chaque page publique est vérifiée automatiquement et "
                    "se parcourt entièrement au clavier.",
                ],
            ),
            (
                "Signaler un problème",
                [
                    "Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez à la "
                    "mairie : nous vous répondrons et vous proposerons une autre façon d’y accéder.",
                ],
            ),
            (
                "Voies de recours",
                [
                    "Si vous n’obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits.",
                ],
            ),
        ],
    ),
    (
        "charte",
        "Charte de participation",
        "Les règles communes des débats et des échanges sur la plateforme.",
        [
            (
                "Écouter",
                [
                    "Chacun vient avec son expérience. On lit ou on écoute jusqu’au bout avant de "
                    "répondre, et l’on vérifie qu’on a bien compris.",
                ],
            ),
            (
                "Parler en « je »",
                [
                    "On parle de ce que l’on observe, ressent et souhaite, plutôt que de juger les "
                    "autres : « je crains que… » plutôt que « vous avez tort ».",
                ],
            ),
            (
                "Ni insulte ni attaque personnelle",
                [
                    "On discute des idées, jamais des personnes. Les insultes, les propos "
                    "discriminatoires et les attaques personnelles ne sont pas publiés.",
                ],
            ),
            (
                "Les animateurs décident",
                [
                    "Chaque débat est animé. Les animateurs donnent la parole, peuvent ralentir ou "
                    "suspendre un échange, et décident de la publication des messages retenus.",
                ],
            ),
            (
                "Tout est visible et peut être contesté",
                [
                    "Un message masqué laisse une trace publique avec la raison de la décision. Son "
                    "auteur en est informé et peut faire appel. Le registre de modération publie le "
                    "nombre de décisions et leurs motifs.",
                ],
            ),
        ],
    ),
]

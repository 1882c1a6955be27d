"""Demo accounts of DESIGN §10, all verified, with the password from DEMO_PASSWORD."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group

from accounts.models import Membership, Organisation, User
from accounts.roles import Role

ACCOUNTS = [
    # email, display name, roles, superuser
    ("admin@example.org", "Administration", [], True),
    ("agent@example.org", "Camille (mairie)", [Role.CITY_AGENT], False),
    ("animation@example.org", "Sacha (animation)", [Role.FACILITATOR], False),
    ("habitant@example.org", "Dominique", [], False),
    ("association@example.org", "Les Jardins partagés", [], False),
    ("elu@example.org", "Claude (élue)", [Role.ELECTED_OFFICIAL], False),
    ("redaction@example.org", "Alex (rédaction)", [Role.EDITOR], False),
    # A social worker of the CCAS who refers people to offers (orientation/demo.py: the CCAS).
    ("connecteur@example.org", "Nadia (CCAS)", [Role.CONNECTOR], False),
]


def demo_user(email: str) -> User:
    return User.objects.get(email=email)


def load(*, stdout) -> None:
    for email, name, roles, superuser in ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "is_staff": superuser, "is_superuser": superuser}
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        for role in roles:
            user.groups.add(Group.objects.get(name=role))

    city, _ = Organisation.objects.get_or_create(
        slug="ville", defaults={"name": settings.CITY_NAME, "kind": Organisation.Kind.CITY_DEPARTMENT}
    )
    Membership.objects.get_or_create(
        user=demo_user("agent@example.org"), organisation=city, defaults={"role": Membership.Role.REPRESENTATIVE}
    )
    association, _ = Organisation.objects.get_or_create(
        slug="jardins-partages",
        defaults={
            "name": "Les Jardins partagés du quartier",
            "kind": Organisation.Kind.ASSOCIATION,
            "description": "Association d'habitants qui cultive et anime des jardins ouverts à tous.",
        },
    )
    Membership.objects.get_or_create(
        user=demo_user("association@example.org"),
        organisation=association,
        defaults={"role": Membership.Role.REPRESENTATIVE},
    )

"""Fixtures shared by the whole suite: accounts in each role, logged-in clients."""

import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import connection

from accounts.models import Membership, Organisation, User
from accounts.roles import Role

PASSWORD = "un-mot-de-passe-solide"
_numbers = itertools.count(1)


def _make_user(*, email=None, display_name=None, verified=True, roles=(), superuser=False, password=PASSWORD) -> User:
    n = next(_numbers)
    email = email or f"user{n}@example.org"
    user = User.objects.create_user(
        email=email,
        password=password,
        display_name=display_name or f"Participant {n}",
        is_superuser=superuser,
        is_staff=superuser,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
    for role in roles:
        group, _ = Group.objects.get_or_create(name=role)
        user.groups.add(group)
    return user


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, whose PostgreSQL copy can be dropped at the end even when a
    worker thread of the async tests still holds a connection to it."""
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """The language middleware activates each request's language in the test's own thread, as
    Django's does; with the language in the URL, a test that read an English page would leave
    English active, and the next test's reverse() would give /en/ addresses."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each test gets its own channel layer instance: the Redis layer's locks belong to the event
    loop that created them, and every async test runs in a loop of its own."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def make_user(db):
    """``make_user(verified=..., roles=[Role.FACILITATOR], superuser=...)`` -> a new account."""
    return _make_user


@pytest.fixture
def resident(make_user):
    return make_user(display_name="Dominique")


@pytest.fixture
def other_resident(make_user):
    return make_user(display_name="Alix")


@pytest.fixture
def unverified(make_user):
    return make_user(verified=False, display_name="Pas encore confirmé")


@pytest.fixture
def facilitator(make_user):
    return make_user(roles=[Role.FACILITATOR], display_name="Sacha (animation)")


@pytest.fixture
def city_agent(make_user):
    return make_user(roles=[Role.CITY_AGENT], display_name="Camille (mairie)")


@pytest.fixture
def elected_official(make_user):
    return make_user(roles=[Role.ELECTED_OFFICIAL], display_name="Claude (élue)")


@pytest.fixture
def editor(make_user):
    return make_user(roles=[Role.EDITOR], display_name="Alex (rédaction)")


@pytest.fixture
def superuser(make_user):
    return make_user(superuser=True, display_name="Administration")


@pytest.fixture
def make_organisation(db):
    def make(*, name="Les Jardins partagés", kind=Organisation.Kind.ASSOCIATION, members=(), representatives=()):
        n = next(_numbers)
        organisation = Organisation.objects.create(name=name, slug=f"organisation-{n}", kind=kind)
        for user in members:
            Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.MEMBER)
        for user in representatives:
            Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.REPRESENTATIVE)
        return organisation

    return make


@pytest.fixture
def client_for(client):
    """``client_for(user)`` -> the test client logged in as ``user`` (or anonymous for None)."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login

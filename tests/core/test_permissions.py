import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from core.errors import AuthRequired, PermissionDenied
from core.permissions import require


@pytest.fixture
def rule():
    rules.add_perm("tests.not_for_administrators", rules.is_active & ~rules.is_superuser)
    yield "tests.not_for_administrators"
    rules.remove_perm("tests.not_for_administrators")


def test_require_asks_the_rule_so_a_superuser_is_refused_where_the_rule_says_so(rule, superuser, resident):
    require(resident, rule)

    with pytest.raises(PermissionDenied):
        require(superuser, rule)


def test_require_refuses_an_anonymous_visitor_with_auth_required(rule):
    for actor in (None, AnonymousUser()):
        with pytest.raises(AuthRequired):
            require(actor, rule)


def test_require_refuses_an_unknown_permission(resident):
    with pytest.raises(PermissionDenied):
        require(resident, "tests.no_such_permission")

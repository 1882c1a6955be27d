"""The admins work with the custom user model (no username, display name)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/users/",
        "/admin/users/new/",
        "/django-admin/accounts/user/",
        "/django-admin/accounts/organisation/",
    ],
)
def test_admin_pages_open_for_a_superuser(client_for, superuser, resident, path):
    response = client_for(superuser).get(path)
    assert response.status_code == 200


def test_wagtail_user_edit_page_shows_the_display_name(client_for, superuser, resident):
    response = client_for(superuser).get(f"/admin/users/edit/{resident.pk}/")
    assert response.status_code == 200
    assert resident.email in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/", "/django-admin/"])
def test_admins_are_closed_to_residents(client_for, resident, path):
    response = client_for(resident).get(path)
    assert response.status_code == 302

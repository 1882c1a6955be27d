"""The inbox at /notifications/ and the bell: read and unread, all read, links, pagination,
someone else's notification, query counts that do not grow with the inbox."""

import pytest
from django.urls import reverse

from notifications.models import Notification
from notifications.services import notify
from pactes.models import Pact

S = Pact.Status


@pytest.fixture
def inbox_of(people, make_pact):
    """``inbox_of(user, n)`` -> n notifications about a public pact for ``user``."""

    def make(user, n=1):
        pact = make_pact(status=S.CONSULTATION)
        for _ in range(n):
            notify(recipients=[user], kind="pact_co_design", object=pact, actor=people.city_agent)
        return pact

    return make


def test_inbox_needs_an_account(client):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_inbox_lists_the_notifications_with_their_link_and_the_bell_counts_them(client_for, people, inbox_of):
    pact = inbox_of(people.proponent, 2)
    response = client_for(people.proponent).get("/notifications/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "est maintenant en co-construction" in page or "co-design" in page
    assert page.count('class="notification notification--unread"') == 2
    assert "data-notifications-count>2<" in page
    # Opening a notification marks it read and leads to its object.
    notification = Notification.objects.filter(recipient=people.proponent).first()
    response = client_for(people.proponent).post(f"/notifications/{notification.pk}/lue/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == pact.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None
    page = client_for(people.proponent).get("/notifications/?filtre=non-lues").content.decode()
    assert page.count('class="notification notification--unread"') == 1


def test_mark_all_read_then_one_unread_again(client_for, people, inbox_of):
    inbox_of(people.proponent, 3)
    client = client_for(people.proponent)
    assert client.post("/notifications/tout-lu/").status_code == 302
    assert Notification.objects.filter(recipient=people.proponent, read_at__isnull=True).count() == 0
    notification = Notification.objects.filter(recipient=people.proponent).first()
    client.post(f"/notifications/{notification.pk}/lue/", {"read": "0", "next": "/notifications/"})
    assert Notification.objects.filter(recipient=people.proponent, read_at__isnull=True).count() == 1
    assert "data-notifications-count>1<" in client.get("/").content.decode()


def test_someone_elses_notification_is_not_found_and_unchanged(client_for, people, inbox_of):
    inbox_of(people.proponent)
    notification = Notification.objects.get(recipient=people.proponent)
    client = client_for(people.resident)
    assert client.post(f"/notifications/{notification.pk}/lue/").status_code == 404
    assert client.post("/notifications/999999/lue/").status_code == 404
    assert client.get(f"/notifications/{notification.pk}/lue/").status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None
    assert "notification--unread" not in client.get("/notifications/").content.decode()


def test_an_open_redirect_through_next_is_refused(client_for, people, inbox_of):
    inbox_of(people.proponent)
    notification = Notification.objects.get(recipient=people.proponent)
    response = client_for(people.proponent).post(
        f"/notifications/{notification.pk}/lue/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("notifications:list")


def test_inbox_pages_twenty_at_a_time(client_for, people, inbox_of):
    inbox_of(people.proponent, 25)
    client = client_for(people.proponent)
    first = client.get("/notifications/").content.decode()
    second = client.get("/notifications/?page=2").content.decode()
    assert first.count('class="notification ') == 20 and second.count('class="notification ') == 5
    assert "?page=2" in first
    assert client.get("/notifications/?page=abc").status_code == 200


def test_inbox_queries_do_not_grow_with_notifications(
    client_for, people, inbox_of, make_pact, django_assert_max_num_queries
):
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    inbox_of(people.proponent, 2)
    client = client_for(people.proponent)
    client.get("/notifications/")
    for _ in range(6):
        inbox_of(people.proponent, 3)
    with django_assert_max_num_queries(12):
        response = client.get("/notifications/")
    assert response.content.decode().count('class="notification ') == 20


def test_the_bell_is_shown_to_accounts_only(client, client_for, people, inbox_of):
    assert "data-notifications-bell" not in client.get("/notifications/desabonnement/x/").content.decode()
    inbox_of(people.proponent)
    assert "data-notifications-bell" in client_for(people.proponent).get("/notifications/").content.decode()

"""The volunteering pages through the test client: the list and its filters, a call's page, the
two clicks of a resident, the organisers' forms, forged ids and other people's calls."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from benevolat.models import Answer, Call, GivenHours
from benevolat.services import answer_create, answer_decide, call_publish
from pactes.models import Pact
from tests.benevolat.conftest import call_text

pytestmark = pytest.mark.django_db


def _content(response) -> str:
    return response.content.decode()


# --- the list ------------------------------------------------------------------------------------


def test_list_shows_the_calls_of_listed_offers_and_active_pacts_only(client, world, offer_call, pact_call):
    response = client.get(reverse("benevolat:list"))
    assert response.status_code == 200
    assert offer_call.title in _content(response) and pact_call.title in _content(response)

    Pact.objects.filter(pk=world.pact.pk).update(status=Pact.Status.SUSPENDED)
    response = client.get(reverse("benevolat:list"))
    assert offer_call.title in _content(response) and pact_call.title not in _content(response)


def test_list_filters_by_neighbourhood_when_and_kind_without_script(client, world, offer_call, make_offer):
    later = call_publish(
        actor=world.proponent,
        offer=make_offer(organisation=world.association, neighbourhood="Nord", title="Fête du Nord"),
        text=call_text(
            title="Tenir la buvette de la fête",
            commitment="one_off",
            starts_on=timezone.localdate() + dt.timedelta(days=40),
            ends_on=None,
        ),
    )

    def titles(**query):
        response = client.get(reverse("benevolat:list"), query)
        assert response.status_code == 200
        return [call.title for call in response.context["page"].object_list]

    assert titles() == [offer_call.title, later.title]
    assert titles(quartier="Nord") == [later.title]
    assert titles(quartier="Centre") == [offer_call.title]
    assert titles(quand="week") == [offer_call.title]
    assert titles(quand="month") == [offer_call.title]
    assert titles(type="one_off") == [later.title]
    assert titles(type="regular", quartier="Nord") == []
    assert '<option value="Nord">' in _content(client.get(reverse("benevolat:list")))


@pytest.mark.parametrize("query", [{"quartier": "Atlantide"}, {"quand": "demain"}, {"type": "toujours"}])
def test_list_refuses_a_filter_it_does_not_offer(client, world, offer_call, query):
    assert client.get(reverse("benevolat:list"), query).status_code == 400


def test_list_page_costs_the_same_queries_whatever_the_number_of_calls(
    client_for, world, make_offer, make_user, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Someone else volunteers: the measured visitor's unread count stays cached.
    volunteer = make_user()

    def grow(n):
        for index in range(n):
            offer = make_offer(organisation=world.association, neighbourhood=f"Quartier {index % 4}", title=f"O{index}")
            call = call_publish(actor=world.proponent, offer=offer, text=call_text(title=f"Appel {index}"))
            answer_decide(actor=world.proponent, answer=answer_create(actor=volunteer, call=call), accept=True)
            call_publish(actor=world.other_party, pact=world.pact, text=call_text(title=f"Pacte {index}"))

    counts = []
    for user in (None, world.resident):
        client = client_for(user)
        grow(3)
        client.get(reverse("benevolat:list"))
        with CaptureQueriesContext(connection) as small:
            assert client.get(reverse("benevolat:list"), {"quartier": "Quartier 1"}).status_code == 200
        grow(12)
        with CaptureQueriesContext(connection) as large:
            assert client.get(reverse("benevolat:list"), {"quartier": "Quartier 1"}).status_code == 200
        with django_assert_max_num_queries(12):
            client.get(reverse("benevolat:list"))
        counts.append((len(small), len(large)))
    assert all(small == large for small, large in counts), counts


# --- a call's page and the two clicks -----------------------------------------------------------


def test_call_page_offers_the_button_and_hides_the_organisers_tools(client_for, world, offer_call):
    response = client_for(None).get(offer_call.get_absolute_url())
    assert response.status_code == 200
    assert reverse("benevolat:answer", args=[offer_call.pk]) in _content(response)
    assert reverse("benevolat:edit", args=[offer_call.pk]) not in _content(response)
    assert offer_call.welcome in _content(response)

    response = client_for(world.proponent).get(offer_call.get_absolute_url())
    assert reverse("benevolat:edit", args=[offer_call.pk]) in _content(response)


def test_call_page_of_a_forged_id_or_a_stopped_pact_is_not_found(client_for, world, pact_call):
    assert client_for(None).get(reverse("benevolat:detail", args=[999_999])).status_code == 404
    Pact.objects.filter(pk=world.pact.pk).update(status=Pact.Status.ENDED)
    assert client_for(world.resident).get(pact_call.get_absolute_url()).status_code == 404
    assert client_for(world.other_party).get(pact_call.get_absolute_url()).status_code == 200


def test_a_resident_answers_in_two_clicks(client_for, world, offer_call):
    client = client_for(world.resident)
    url = reverse("benevolat:answer", args=[offer_call.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200 and "Confirmer" in _content(confirmation)

    done = client.post(url, {"message": "Je suis libre le samedi"}, follow=True)
    assert done.redirect_chain == [(offer_call.get_absolute_url(), 303)]
    assert "Merci" in _content(done)
    answer = Answer.objects.get()
    assert (answer.volunteer, answer.message, answer.status) == (world.resident, "Je suis libre le samedi", "pending")

    again = client.post(url, {"message": "Encore"})
    assert again.status_code == 409
    assert "Vous avez déjà répondu à cet appel." in _content(again)
    assert Answer.objects.count() == 1


def test_answering_needs_to_log_in_and_a_confirmed_address(client_for, world, offer_call):
    url = reverse("benevolat:answer", args=[offer_call.pk])
    response = client_for(None).get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client_for(None).post(url).status_code == 302

    client = client_for(world.unverified)
    response = client.get(url)
    assert response.status_code == 403
    assert "Confirmez votre adresse e-mail" in _content(response)
    assert client.post(url, {"message": "Moi"}).status_code == 403
    assert not Answer.objects.exists()


def test_answering_a_closed_call_is_refused_clearly(client_for, world, offer_call):
    client_for(world.proponent).post(reverse("benevolat:close", args=[offer_call.pk]))
    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.CLOSED
    response = client_for(world.resident).post(reverse("benevolat:answer", args=[offer_call.pk]), {"message": ""})
    assert response.status_code == 409
    assert "Cet appel à bénévoles est fermé." in _content(response)
    assert not Answer.objects.exists()


def test_answer_message_too_long_is_refused(client_for, world, offer_call):
    response = client_for(world.resident).post(
        reverse("benevolat:answer", args=[offer_call.pk]), {"message": "x" * 600}
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()


# --- the organisers ------------------------------------------------------------------------------


@pytest.fixture
def pending(world, offer_call):
    return answer_create(actor=world.resident, call=offer_call)


def test_organiser_accepts_then_records_hours(client_for, world, offer_call, pending):
    client = client_for(world.proponent)
    response = client.post(reverse("benevolat:decide", args=[offer_call.pk, pending.pk]), {"decision": "accept"})
    assert response.status_code == 303
    pending.refresh_from_db()
    assert pending.status == Answer.Status.ACCEPTED

    url = reverse("benevolat:hours", args=[offer_call.pk, pending.pk])
    today = timezone.localdate().isoformat()
    response = client.post(url, {"date": today, "hours": "2,5"})
    assert response.status_code == 303
    assert str(GivenHours.objects.get().hours) == "2.50"
    page = client.get(offer_call.get_absolute_url())
    assert "2,5" in _content(page) and "Les heures sont enregistrées" in _content(page)
    # The same date again is a correction, and is said to be one.
    page = client.post(url, {"date": today, "hours": "3"}, follow=True)
    assert "sont corrigées : 3 h au lieu de 2,5 h" in _content(page)
    page = client.post(url, {"date": today, "hours": "3"}, follow=True)
    assert "rien n’a changé" in _content(page)
    assert GivenHours.objects.get().hours == 3

    for bad in ("-1", "99", "deux"):
        response = client.post(url, {"date": today, "hours": bad})
        assert response.status_code == 400
        assert "quarts d’heure" in _content(response)
    assert client.post(url, {"date": "hier", "hours": "2"}).status_code == 400
    assert GivenHours.objects.count() == 1


def test_decisions_and_hours_on_a_forged_or_someone_else_s_answer(client_for, world, offer_call, pact_call, pending):
    other = answer_create(actor=world.member, call=pact_call)
    client = client_for(world.proponent)
    # An answer of another call, under this call's address: not found.
    assert (
        client.post(reverse("benevolat:decide", args=[offer_call.pk, other.pk]), {"decision": "accept"}).status_code
        == 404
    )
    assert (
        client.post(reverse("benevolat:decide", args=[offer_call.pk, 999_999]), {"decision": "accept"}).status_code
        == 404
    )
    assert (
        client.post(
            reverse("benevolat:hours", args=[offer_call.pk, other.pk]), {"date": "2026-01-01", "hours": "1"}
        ).status_code
        == 404
    )
    # Someone who does not organise this call.
    response = client_for(world.other_party).post(
        reverse("benevolat:decide", args=[offer_call.pk, pending.pk]), {"decision": "accept"}
    )
    assert response.status_code == 403
    assert (
        client.post(reverse("benevolat:decide", args=[offer_call.pk, pending.pk]), {"decision": "maybe"}).status_code
        == 400
    )
    pending.refresh_from_db()
    assert pending.status == Answer.Status.PENDING


def test_hours_on_a_declined_answer_are_refused(client_for, world, offer_call, pending):
    answer_decide(actor=world.proponent, answer=pending, accept=False)
    response = client_for(world.proponent).post(
        reverse("benevolat:hours", args=[offer_call.pk, pending.pk]),
        {"date": timezone.localdate().isoformat(), "hours": "2"},
    )
    assert response.status_code == 409
    assert not GivenHours.objects.exists()


def test_the_volunteer_withdraws_from_the_call_page(client_for, world, offer_call, pending):
    client = client_for(world.resident)
    assert client.post(reverse("benevolat:withdraw", args=[offer_call.pk])).status_code == 303
    pending.refresh_from_db()
    assert pending.status == Answer.Status.WITHDRAWN
    assert client_for(world.member).post(reverse("benevolat:withdraw", args=[offer_call.pk])).status_code == 404
    mine = client_for(world.resident).get(reverse("benevolat:mine"))
    assert offer_call.title in _content(mine)


# --- publishing ----------------------------------------------------------------------------------


def _form(**changes):
    today = timezone.localdate()
    data = {
        "title": "Servir le goûter",
        "description": "",
        "commitment": "regular",
        "schedule": "Le samedi après-midi",
        "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=30)).isoformat(),
        "duration": "Deux heures",
        "places": "3",
        "welcome": "Accueil par l’équipe",
        "training": "",
    }
    data.update(changes)
    return data


def test_a_party_representative_publishes_a_call_on_the_active_pact(client_for, world):
    client = client_for(world.other_party)
    url = f"{reverse('benevolat:create')}?pacte={world.pact.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, _form())
    call = Call.objects.get()
    assert response.status_code == 303 and response["Location"] == call.get_absolute_url()
    assert (call.pact, call.created_by, call.places) == (world.pact, world.other_party, 3)


@pytest.mark.parametrize(
    "query,who,status",
    [
        ("pacte=999999", "proponent", 404),
        ("offre=abc", "proponent", 404),
        ("offre=1&pacte=1", "proponent", 404),
        ("", "proponent", 404),
        ("pacte={co_design}", "proponent", 403),
        ("pacte={pact}", "resident", 403),
        ("offre={offer}", "resident", 403),
        ("offre={offer}", "other_party", 403),
        ("offre={offer}", "unverified", 403),
    ],
)
def test_publishing_refuses_forged_hosts_and_other_people(client_for, world, query, who, status):
    query = query.format(co_design=world.co_design.pk, pact=world.pact.pk, offer=world.offer.pk)
    client = client_for(getattr(world, who))
    assert client.get(f"{reverse('benevolat:create')}?{query}").status_code == status
    assert client.post(f"{reverse('benevolat:create')}?{query}", _form()).status_code == status
    assert not Call.objects.exists()


def test_publishing_with_bad_fields_shows_the_errors(client_for, world):
    url = f"{reverse('benevolat:create')}?offre={world.offer.pk}"
    client = client_for(world.proponent)
    past = (timezone.localdate() - dt.timedelta(days=3)).isoformat()
    for data in (_form(places="0"), _form(places="beaucoup"), _form(ends_on=past, starts_on=past), _form(title="")):
        assert client.post(url, data).status_code == 400
    assert not Call.objects.exists()


def test_only_the_organisers_change_or_close_a_call(client_for, world, offer_call):
    client = client_for(world.other_party)
    assert client.get(reverse("benevolat:edit", args=[offer_call.pk])).status_code == 404
    assert client.post(reverse("benevolat:close", args=[offer_call.pk])).status_code == 403
    offer_call.refresh_from_db()
    assert offer_call.status == Call.Status.OPEN
    client = client_for(world.proponent)
    response = client.post(reverse("benevolat:edit", args=[offer_call.pk]), _form(title="Nouveau titre"))
    assert response.status_code == 303
    offer_call.refresh_from_db()
    assert offer_call.title == "Nouveau titre"


# --- on the pact page and the offer page ---------------------------------------------------------


def test_the_pact_page_lists_its_calls_and_offers_to_publish_to_its_parties(client_for, world, pact_call):
    page = _content(client_for(None).get(world.pact.get_absolute_url()))
    assert pact_call.title in page and reverse("benevolat:create") not in page
    page = _content(client_for(world.other_party).get(world.pact.get_absolute_url()))
    assert f"{reverse('benevolat:create')}?pacte={world.pact.pk}" in page
    # The list is cached for the page; every change through the services is seen at once.
    client_for(world.other_party).post(reverse("benevolat:close", args=[pact_call.pk]))
    assert pact_call.title not in _content(client_for(None).get(world.pact.get_absolute_url()))
    assert "fermé" in _content(client_for(world.other_party).get(world.pact.get_absolute_url())).lower()
    added = call_publish(actor=world.other_party, pact=world.pact, text=call_text(title="Nouvel appel"))
    assert added.title in _content(client_for(None).get(world.pact.get_absolute_url()))
    # A pact in co-design has no section (and costs no query for it).
    assert "Appels à bénévoles" not in _content(client_for(world.proponent).get(world.co_design.get_absolute_url()))


def test_the_offer_section_lists_its_calls_for_the_offer_page(rf, world, offer_call):
    from django.template.loader import render_to_string

    from offres.linked import offer_sections

    request = rf.get("/")
    request.user = world.proponent
    (section,) = offer_sections(offer=world.offer, request=request)
    html = render_to_string(section.template, section.context, request=request)
    assert offer_call.title in html and f"?offre={world.offer.pk}" in html
    request.user = world.resident
    (section,) = offer_sections(offer=world.offer, request=request)
    assert "?offre=" not in render_to_string(section.template, section.context, request=request)


def test_the_main_menu_leads_to_the_calls(client):
    html = _content(client.get(reverse("benevolat:list")))
    assert '<a href="/benevolat/" aria-current="page">Bénévolat</a>' in html


def test_the_active_pact_page_with_its_calls_stays_within_15_queries(
    client_for, world, pact_call, django_assert_max_num_queries
):
    for index in range(5):
        call_publish(actor=world.other_party, pact=world.pact, text=call_text(title=f"Appel {index}"))
    for user in (None, world.resident, world.other_party, world.city_agent):
        client = client_for(user)
        client.get(world.pact.get_absolute_url())
        with django_assert_max_num_queries(15):
            response = client.get(world.pact.get_absolute_url())
        assert response.status_code == 200 and "Appel 4" in _content(response)


def test_the_call_page_of_its_organisers_costs_the_same_whatever_the_answers(client_for, world, offer_call, make_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from benevolat.models import Call as CallModel

    CallModel.objects.filter(pk=offer_call.pk).update(places=50)

    def grow(n):
        for _ in range(n):
            answer = answer_decide(
                actor=world.proponent, answer=answer_create(actor=make_user(), call=offer_call), accept=True
            )
            from benevolat.services import hours_record

            hours_record(actor=world.proponent, answer=answer, date=timezone.localdate(), hours="1")
            answer_create(actor=make_user(), call=offer_call)

    client = client_for(world.proponent)
    grow(2)
    client.get(offer_call.get_absolute_url())
    with CaptureQueriesContext(connection) as small:
        client.get(offer_call.get_absolute_url())
    grow(8)
    client.get(offer_call.get_absolute_url())
    with CaptureQueriesContext(connection) as large:
        assert client.get(offer_call.get_absolute_url()).status_code == 200
    assert len(small) == len(large) <= 15


def test_a_call_on_the_english_site_is_marked_in_its_language(client, offer_call):
    page = client.get(f"/en{offer_call.get_absolute_url()}").content.decode()

    assert offer_call.language == "fr"
    assert f'<h1><span lang="fr">{offer_call.title}</span> <span class="in-language">(in French)</span></h1>' in page

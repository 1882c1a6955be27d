"""Editorial workflow: an editor submits, an elected official approves, through Wagtail's views."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.roles import Role
from programme.models import NewsIndexPage
from tests.programme.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return publish(home, NewsIndexPage(title="Actualités", slug="actualites", intro="<p>Avant.</p>"))


def edit(client, page, *, title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": rich_text("<p>Après.</p>"),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def live_title(page) -> str:
    return Page.objects.get(pk=page.pk).title


def test_the_programme_pages_go_through_the_elected_officials_workflow(news_index):
    workflow = news_index.get_workflow()

    assert workflow == Workflow.objects.get(name="Publication du programme")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [Role.ELECTED_OFFICIAL]


def test_editor_may_edit_but_not_publish(news_index, editor, elected_official):
    assert news_index.permissions_for_user(editor).can_edit()
    assert not news_index.permissions_for_user(editor).can_publish()
    assert news_index.permissions_for_user(elected_official).can_publish()


def test_editor_cannot_publish_directly_from_the_admin(news_index, editor, client_for):
    response = edit(client_for(editor), news_index, title="Titre de la rédaction", action="action-publish")

    assert response.status_code in {200, 302}
    assert live_title(news_index) == "Actualités"
    assert Page.objects.get(pk=news_index.pk).current_workflow_state is None


def test_editor_submits_and_the_elected_official_approves(news_index, editor, elected_official, client_for):
    client = client_for(editor)
    edit(client, news_index, title="Titre soumis", action="action-submit")

    page = Page.objects.get(pk=news_index.pk)
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert page.title == "Actualités"  # still the published version

    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(approve_url, {"comment": ""})
    assert live_title(news_index) == "Actualités"

    client_for(elected_official).post(approve_url, {"comment": "Validé."})

    assert live_title(news_index) == "Titre soumis"
    page = Page.objects.get(pk=news_index.pk)
    assert page.live and not page.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == "approved"


def test_elected_official_may_publish_directly(news_index, elected_official, client_for):
    edit(client_for(elected_official), news_index, title="Publié par l’élue", action="action-publish")

    assert live_title(news_index) == "Publié par l’élue"


def test_resident_has_no_access_to_the_admin(news_index, resident, client_for):
    response = client_for(resident).get(reverse("wagtailadmin_pages:edit", args=(news_index.pk,)))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_editor_opens_the_admin_forms_of_every_programme_page_type(build_programme, editor, client_for):
    programme, engagements, index = build_programme(engagements=1, news=1)
    client = client_for(editor)

    pages = [programme, engagements[0], index, index.get_children().get()]
    for page in pages:
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page
    for app_model, parent in [("newspage", index), ("standardpage", programme.get_parent())]:
        response = client.get(reverse("wagtailadmin_pages:add", args=("programme", app_model, parent.pk)))
        assert response.status_code == 200, app_model

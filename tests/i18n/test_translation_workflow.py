"""A translation goes through the editorial workflow: an editor submits the translated page, an
elected official approves it, and only then is it published."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail_localize.models import StringTranslation, Translation

from programme.models import NewsIndexPage
from tests.programme.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_index(home, translate):
    index = publish(home, NewsIndexPage(title="Actualités", slug="actualites", intro="<p>Les nouvelles.</p>"))
    translate(home)
    return translate(index)


def retranslate(page, text: str) -> None:
    """An editor changes the English title in the translation editor (its segments)."""
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    StringTranslation.objects.filter(
        locale=page.locale, translation_of__data="Actualités", context__path="title"
    ).update(data=text)
    assert translation.source.stringsegment_set.exists()


def test_the_english_tree_has_the_workflow_and_the_roles(translated_index, editor, elected_official):
    workflow = translated_index.get_workflow()

    assert workflow == Workflow.objects.get(name="Publication du programme")
    permissions = translated_index.permissions_for_user(editor)
    assert permissions.can_edit() and not permissions.can_publish()
    assert translated_index.permissions_for_user(elected_official).can_publish()


def test_an_editor_cannot_publish_a_translation_directly(translated_index, editor, client_for):
    retranslate(translated_index, "Latest news")

    response = client_for(editor).post(
        reverse("wagtailadmin_pages:edit", args=(translated_index.pk,)), {"action": "publish"}
    )

    # Wagtail's admin answers a refused permission with a redirect to its dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert Page.objects.get(pk=translated_index.pk).title == "EN Actualités"


def test_an_editor_submits_a_translation_and_the_elected_official_approves_it(
    translated_index, editor, elected_official, client_for
):
    retranslate(translated_index, "Latest news")
    edit_url = reverse("wagtailadmin_pages:edit", args=(translated_index.pk,))

    client_for(editor).post(edit_url, {"action-submit": "1"})

    page = Page.objects.get(pk=translated_index.pk)
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert page.title == "EN Actualités"  # still the published translation
    assert "Latest news" not in client_for(None).get("/en/actualites/").content.decode()
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk))
    client_for(editor).post(approve_url, {"comment": ""})  # not theirs to approve
    assert Page.objects.get(pk=page.pk).title == "EN Actualités"

    client_for(elected_official).post(approve_url, {"comment": "Validé."})

    page = Page.objects.get(pk=translated_index.pk)
    assert page.title == "Latest news" and page.live and not page.has_unpublished_changes
    assert page.locale.language_code == "en"


def test_a_translation_already_in_the_workflow_is_not_submitted_twice(translated_index, editor, client_for):
    edit_url = reverse("wagtailadmin_pages:edit", args=(translated_index.pk,))
    client = client_for(editor)
    client.post(edit_url, {"action-submit": "1"})
    client.post(edit_url, {"action-submit": "1"})

    assert Page.objects.get(pk=translated_index.pk).workflow_states.count() == 1

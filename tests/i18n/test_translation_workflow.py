"""A translation goes through the editorial workflow: an editor submits the translated page, an
elected official approves it, and only then is it published."""

import pytest
from django.test import Client
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


def test_editors_and_elected_officials_may_start_and_sync_translations(editor, elected_official, resident):
    assert editor.has_perm("wagtail_localize.submit_translation")
    assert elected_official.has_perm("wagtail_localize.submit_translation")
    assert not resident.has_perm("wagtail_localize.submit_translation")


def test_a_translation_started_by_an_editor_stays_a_draft_until_approved(
    home, translate, english, editor, elected_official, client_for
):
    from programme.models import NewsPage

    index = publish(home, NewsIndexPage(title="Actualités", slug="actualites"))
    translate(home)
    translate(index)
    news = publish(
        index, NewsPage(title="Cent bancs", slug="cent-bancs", date="2026-11-01", summary="Des bancs pour se parler.")
    )
    client = client_for(editor)

    # The editor starts the translation with wagtail-localize's own form.
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(news.pk,)), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    draft = Page.objects.get(translation_key=news.translation_key, locale=english)
    assert not draft.live
    anonymous = Client()
    assert "Cent bancs" not in anonymous.get("/en/actualites/").content.decode()
    assert "Cent bancs" not in anonymous.get("/en/actualites/rss.xml").content.decode()

    # The « Actions » menu of the translation editor offers to submit it; the editor does.
    response = client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,)))
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    editor_page = response.content.decode()
    submit_url = reverse("programme_submit_translation", args=(draft.pk,))
    assert submit_url in editor_page
    assert client.get(submit_url).status_code == 200
    client.post(submit_url)
    state = Page.objects.get(pk=draft.pk).current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert not Page.objects.get(pk=draft.pk).live
    # Once waiting for approval, it is not offered again.
    assert submit_url not in client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,))).content.decode()

    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", state.current_task_state.pk))
    client_for(elected_official).post(approve_url, {"comment": "Validé."})
    assert Page.objects.get(pk=draft.pk).live


def test_only_who_may_edit_a_translation_may_submit_it(translated_index, resident, client_for, home):
    submit_url = reverse("programme_submit_translation", args=(translated_index.pk,))

    assert client_for(resident).post(submit_url).status_code in (302, 403)
    assert Page.objects.get(pk=translated_index.pk).workflow_states.count() == 0
    # Not a translation: nothing to submit here.
    assert Client().get(reverse("programme_submit_translation", args=(home.pk,))).status_code in (302, 403)

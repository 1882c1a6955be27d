"""Translations go through the editorial workflow (programme/editorial.py, docs/i18n.md).

wagtail-localize replaces the edit view of a translated page with its translation editor, which
offers "Publish" to those who may publish (elected officials) and nothing else. An editor who has
translated the segments submits them from the translation editor (« Submit the translation for
approval », below the segments; templates/wagtail_localize/admin/edit_translation.html) or the
pages' explorer, through a confirmation page of ours, or with the edit view's ``action-submit``: the
translation is saved as a draft of the translated page and goes to the page's workflow, where an
elected official approves (and so publishes) it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Page, Revision


def _translation_of(page):
    """The wagtail-localize translation that writes ``page``, or None (not a translation)."""
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def may_submit_translation(page, user) -> bool:
    """A translation that ``user`` may edit, under a workflow, and not already waiting."""
    return (
        _translation_of(page) is not None
        and page.permissions_for_user(user).can_edit()
        and page.get_workflow() is not None
        and not page.workflow_in_progress
    )


def _submit(request, page, translation):
    """Save the translated segments as a draft of ``page`` and start its workflow."""
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if not may_submit_translation(page, request.user):
        messages.error(request, _("This translation cannot be submitted for approval now."))
        return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    workflow = page.get_workflow()
    live_revision_id = page.live_revision_id
    # wagtail-localize writes the translated text into the page itself as well as into a new
    # revision: the live page is put back as it was, so that nothing shows before approval.
    translation.save_target(user=request.user, publish=False)
    page = page.specific_class.objects.get(pk=page.pk)
    draft = page.latest_revision
    if live_revision_id is not None and page.live:
        live = Revision.objects.get(pk=live_revision_id).as_object()
        live.draft_title = page.title
        live.latest_revision = draft
        live.has_unpublished_changes = True
        live.save(clean=False)
        page = live
    workflow.start(page, request.user)
    messages.success(request, _("The translation has been submitted for approval."))
    return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))


@hooks.register("before_edit_page")
def submit_translation_to_workflow(request, page):
    if request.method != "POST" or "action-submit" not in request.POST:
        return None
    translation = _translation_of(page)
    if translation is None:
        return None  # not a translation: Wagtail's own edit view submits it
    return _submit(request, page, translation)


@require_http_methods(["GET", "HEAD", "POST"])
def submit_translation_view(request, page_id: int):
    """« Submit the translation for approval »: a confirmation, then the workflow."""
    page = get_object_or_404(Page, pk=page_id).specific
    translation = _translation_of(page)
    if translation is None or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        return _submit(request, page, translation)
    context = {"page": page, "workflow": page.get_workflow(), "may_submit": may_submit_translation(page, request.user)}
    return render(request, "programme/admin/submit_translation.html", context)


@hooks.register("register_admin_urls")
def submit_translation_urls():
    return [path("traductions/<int:page_id>/soumettre/", submit_translation_view, name="programme_submit_translation")]


def submit_translation_button(page, user, view_name=None, next_url=None):
    """In the pages' explorer (a translated page's « … » menu), for whoever may submit it now."""
    if not may_submit_translation(page, user):
        return
    yield Button(
        _("Submit the translation for approval"),
        reverse("programme_submit_translation", args=(page.pk,)),
        priority=55,
        icon_name="resubmit",
    )


hooks.register("register_page_header_buttons", submit_translation_button)
hooks.register("register_page_listing_more_buttons", submit_translation_button)

"""Translations go through the editorial workflow (programme/editorial.py, docs/i18n.md).

wagtail-localize replaces the edit view of a translated page with its translation editor, which
offers "Publish" to those who may publish (elected officials) and nothing else. An editor who has
translated the segments submits them with the edit view's usual ``action-submit``: the
translation is saved as a draft of the translated page and goes to the page's workflow, where an
elected official approves (and so publishes) it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Revision


@hooks.register("before_edit_page")
def submit_translation_to_workflow(request, page):
    if request.method != "POST" or "action-submit" not in request.POST:
        return None
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None  # not a translation: Wagtail's own edit view submits it
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        messages.error(request, _("This translation cannot be submitted for approval now."))
        return redirect(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
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

"""The inbox, the e-mail choices, following, and the unsubscribe link. Thin adapters over
``services`` and ``selectors``; every page works without JavaScript."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import ApplicationError
from notifications import registry, selectors, services
from notifications import render as words
from notifications.forms import PreferencesForm

PAGE_SIZE = 20


@never_cache  # what others did about a person's pacts, referrals, calls: private
@login_required
def inbox(request):
    unread_only = request.GET.get("filtre") == "non-lues"
    paginator = Paginator(selectors.inbox(user=request.user, unread_only=unread_only), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    items = selectors.with_targets(list(page.object_list))
    rows = [{"notification": n, "text": words.sentence(n), "url": words.link(n)} for n in items]
    context = {"page": page, "rows": rows, "unread_only": unread_only}
    return render(request, "notifications/inbox.html", context)


def _next(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_required
@require_POST
def mark_read(request, pk: int):
    read = request.POST.get("read", "1") != "0"
    try:
        notification = services.notification_mark_read(actor=request.user, notification_id=pk, read=read)
    except ApplicationError as error:
        raise Http404() from error
    # "Open" marks the notification read and goes to its object in one click.
    if request.POST.get("open") == "1":
        path = words.link(notification)
        if path:
            return redirect(path)
    return redirect(_next(request, "notifications:list"))


@login_required
@require_POST
def mark_all_read(request):
    count = services.notifications_mark_all_read(actor=request.user)
    messages.success(request, _("All your notifications are marked as read.") if count else _("Nothing was unread."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = services.delivery_choices(user=request.user)
    form = PreferencesForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_set(actor=request.user, choices=form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Your choices are saved."))
            return redirect("notification_preferences")
    context = {"form": form, "groups": form.grouped()}
    return render(request, "notifications/preferences.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def follow(request):
    """Follow or stop following ``target`` ("app.model:id"): an unknown object, one that cannot
    be followed or one the person may not see are all "not found". GET shows the state and the
    button (pages with a tight query budget link here instead of showing it)."""
    source = request.POST if request.method == "POST" else request.GET
    label, _sep, raw_id = source.get("target", "").partition(":")
    target = registry.target_for_label(label)
    if target is None or not target.followable or not raw_id.isdigit():
        raise Http404()
    obj = apps.get_model(label)._default_manager.filter(pk=int(raw_id)).first()
    if obj is None or not target.visible(request.user, obj):
        raise Http404()
    if request.method == "GET":
        context = {"obj": obj, "title": target.title(obj), "url": target.url(obj)}
        return render(request, "notifications/follow.html", context)
    try:
        following = services.follow_set(actor=request.user, target=obj, follow=request.POST.get("follow") != "0")
    except ApplicationError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request,
            _("You follow “%(title)s”: you will be notified of what happens to it.") % {"title": target.title(obj)}
            if following
            else _("You no longer follow “%(title)s”.") % {"title": target.title(obj)},
        )
    return redirect(_next(request, target.url(obj)))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET shows a confirmation button (link checkers follow links, they must not unsubscribe
    anyone); POST unsubscribes, from that page or from a mail client's one-click request
    (RFC 8058), which carries no CSRF token: the signed link is the proof."""
    if words.read_unsubscribe_token(token) is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        try:
            _user, kinds = services.unsubscribe_apply(token=token)
        except ApplicationError:
            return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
        labels = [registry.KINDS[code].label for code in kinds]
        return render(request, "notifications/unsubscribe.html", {"done": True, "labels": labels})
    return render(request, "notifications/unsubscribe.html", {"token": token})

"""Pages of those who keep the directory current: « my offers », publishing and updating an
offer, the buttons of the offer page (confirm, publish, decline, withdraw); and residents'
suggestions and reports. Views shape input and call the services, which check everything."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Organisation
from accounts.predicates import is_city_agent
from core.errors import ApplicationError
from offres import selectors, services
from offres.forms import OfferForm, ReportForm, SuggestForm
from offres.models import Offer
from offres.predicates import represented_organisation_ids
from offres.views.directory import detail_context, visible_offer

DONE = {
    "confirm": gettext_lazy("Thank you: the offer is confirmed as current."),
    "publish": gettext_lazy("The offer is published in the directory."),
    "reject": gettext_lazy("The suggestion is declined; the resident who made it is told why."),
    "withdraw": gettext_lazy("The offer is withdrawn from the directory."),
    "republish": gettext_lazy("The offer is published again."),
}


def _organisations(user):
    """The organisations ``user`` may choose as running an offer."""
    organisations = Organisation.objects.order_by("name")
    if is_city_agent(user):
        return organisations
    return organisations.filter(pk__in=represented_organisation_ids(user))


def _status(exc: ApplicationError) -> int:
    return 403 if exc.http_status in (401, 403) else 400


@login_required
def my_offers(request):
    if not rules.has_perm("offres.view_my_offers", request.user):
        raise Http404()
    offers = list(selectors.offers_managed_by(user=request.user))
    to_review = [o for o in offers if o.status == Offer.Status.SUGGESTED]
    return render(
        request,
        "offres/my_offers.html",
        {
            "to_review": to_review,
            "to_verify": [o for o in offers if o.status == Offer.Status.TO_VERIFY or (o.is_listed and o.open_reports)],
            "offers": [o for o in offers if o.status != Offer.Status.SUGGESTED],
        },
    )


def _offer_form_page(request, form, *, save, done, **context):
    """The offer form: on a valid post, ``save(data)`` (a service) and back to the offer;
    otherwise the form again with the field's or the service's error in place."""
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                offer = save(form.service_data())
            except ApplicationError as exc:
                # On the field it is about when the form has it, above the form otherwise.
                field = exc.extra.get("field")
                form.add_error(field if field in form.fields else None, exc.detail)
                status = _status(exc)
            else:
                messages.success(request, done)
                return redirect(offer)
    return render(request, "offres/offer_form.html", {"form": form, **context}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request):
    if not rules.has_perm("offres.add_offer", request.user):
        raise Http404()
    form = OfferForm(request.POST or None, organisations=_organisations(request.user))
    return _offer_form_page(
        request,
        form,
        save=lambda data: services.offer_create(actor=request.user, data=data),
        done=_("The offer is published in the directory."),
        creating=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk: int):
    offer = visible_offer(request, pk)
    if not rules.has_perm("offres.change_offer", request.user, offer):
        raise Http404()
    form = OfferForm(request.POST or None, instance=offer, organisations=_organisations(request.user))
    return _offer_form_page(
        request,
        form,
        save=lambda data: services.offer_update(actor=request.user, offer=offer, data=data),
        done=_("The offer is updated and confirmed as current."),
        offer=offer,
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_suggest(request):
    if not rules.has_perm("offres.suggest_offer", request.user):
        return render(request, "offres/cannot_suggest.html", status=403)
    return _offer_form_page(
        request,
        SuggestForm(request.POST or None),
        save=lambda data: services.offer_suggest(actor=request.user, data=data),
        done=_("Thank you! Your suggestion will be reviewed before it appears in the directory."),
        suggesting=True,
    )


@login_required
@require_POST
def offer_report(request, pk: int):
    offer = visible_offer(request, pk)
    # The service checks everything (who may report, the reason, its length) and says what is
    # wrong at the top of the page: the report form is not shown to everyone.
    reason = request.POST.get("reason", "")
    try:
        services.offer_report(actor=request.user, offer=offer, reason=reason)
    except ApplicationError as exc:
        offer = visible_offer(request, pk)
        context = detail_context(
            request, offer, report_form=ReportForm(initial={"reason": reason}), page_error=exc.detail
        )
        return render(request, "offres/offer_detail.html", context, status=_status(exc))
    messages.success(request, _("Thank you: the people who run this offer are told."))
    return redirect(offer)


@login_required
@require_POST
def offer_action(request, pk: int, name: str):
    offer = visible_offer(request, pk)
    if name not in services.MANUAL:
        raise Http404()
    # The service checks the reason (required or not, its length) and says what is wrong, at the
    # top of the page: the section of the buttons is hidden when no action is left (an offer
    # already declined in another tab, another organisation's offer).
    reason = request.POST.get("reason", "")
    try:
        services.offer_transition(offer=offer, name=name, actor=request.user, reason=reason)
    except ApplicationError as exc:
        offer = visible_offer(request, pk)
        context = detail_context(request, offer, page_error=exc.detail)
        return render(request, "offres/offer_detail.html", context, status=_status(exc))
    messages.success(request, DONE[name])
    return redirect(offer) if rules.has_perm("offres.view_offer", request.user, offer) else redirect("offres:mine")

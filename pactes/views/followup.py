"""Pages of a running pact: its yearly reports and their photos, renewal, the city's dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cite.errors import ApplicationError
from pactes import dashboard, renewal, reports
from pactes.forms import ReportAnswerForm, ReportForm
from pactes.models import PactReport, ReportPhoto
from pactes.predicates import allowed
from pactes.views.common import act, failed, form_error, serve_file, visible_pact


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_create(request, pk: int):
    pact = visible_pact(request, pk)
    if not allowed(request.user, "pactes.report_pact", pact):
        raise Http404()
    periods = reports.reportable_periods(pact)
    filed = set(pact.reports.values_list("period", flat=True))
    periods = [p for p in periods if p[0] not in filed]
    form = ReportForm(request.POST or None, request.FILES or None, periods=periods)
    if request.method == "POST" and form.is_valid():
        try:
            reports.report_file(actor=request.user, pact=pact, **form.service_arguments())
        except ApplicationError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("Your report is published on the pact’s page."))
            return redirect(pact)
    context = {"pact": pact, "form": form, "periods": periods}
    return render(request, "pactes/report_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def report_answer(request, pk: int, report_id: int):
    pact = visible_pact(request, pk)
    report = get_object_or_404(PactReport, pk=report_id, pact=pact)
    form = ReportAnswerForm(request.POST)
    if not form.is_valid():
        return failed(request, pact, form_error(form))
    answer = form.cleaned_data["answer"]
    return act(
        request,
        pact,
        lambda: reports.report_answer(actor=request.user, report=report, answer=answer),
        _("The answer of the city is published."),
    )


@require_safe
def report_photo(request, pk: int):
    photo = get_object_or_404(ReportPhoto.objects.select_related("report__pact"), pk=pk)
    if not allowed(request.user, "pactes.view_pact", photo.report.pact):
        raise Http404()
    return serve_file(photo.file, f"photo-rapport-{photo.pk}")


@login_required
@require_POST
def renew(request, pk: int):
    pact = visible_pact(request, pk)
    try:
        new = renewal.pact_renew(actor=request.user, pact=pact)
    except ApplicationError as error:
        return failed(request, pact, error)
    messages.success(
        request, _("The renewal is saved as a draft from the last signed text. Complete it, then submit it.")
    )
    return redirect(new)


@login_required
@require_safe
def dashboard_view(request):
    if not allowed(request.user, "pactes.view_dashboard"):
        raise Http404()
    return render(request, "pactes/dashboard.html", dashboard.dashboard(today=None))

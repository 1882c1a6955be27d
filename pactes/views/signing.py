"""Signing the frozen version after re-authentication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cite.errors import ApplicationError, InvalidInput
from pactes import selectors
from pactes.forms import (
    SignForm,
)
from pactes.models import Pact
from pactes.predicates import allowed
from pactes.signing import pact_sign, parties_user_may_sign_for, signature_check_reauthentication
from pactes.views.common import (
    visible_pact,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def sign(request, pk: int):
    from allauth.core import ratelimit
    from allauth.mfa.models import Authenticator

    pact = visible_pact(request, pk)
    frozen = pact.frozen_version
    if pact.status != Pact.Status.SIGNING or frozen is None or not allowed(request.user, "pactes.sign_pact", pact):
        raise Http404()
    version = selectors.version_with_clauses(pact=pact, number=frozen.number)
    signed = {s.party_id for s in selectors.signatures_of(version=version) if s.voided_at is None}
    parties = [
        p for p in parties_user_may_sign_for(user=request.user, pact=pact, version=version) if p.pk not in signed
    ]
    needs_code = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
    form = SignForm(
        request.POST or None, initial={"version_number": version.number}, parties=parties, needs_code=needs_code
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if not ratelimit.consume(request, action="reauthenticate", user=request.user):
                raise InvalidInput(_("Too many attempts. Wait a minute and try again."), code="RATE_LIMITED")
            signature_check_reauthentication(user=request.user, password=data["password"], code=data.get("code", ""))
            party = next(p for p in parties if p.pk == data["party"])
            pact_sign(pact=pact, signer=request.user, version_number=data["version_number"], party=party)
        except ApplicationError as error:
            form.add_error(None, error.detail)
            status = error.http_status
        else:
            messages.success(request, _("Your signature is recorded."))
            return redirect(pact)
    if form.errors and status == 200:
        status = 400
    context = {"pact": pact, "version": version, "form": form, "parties": parties}
    return render(request, "pactes/sign.html", context, status=status)

"""The domain errors of every app. Services raise them; each way in translates them once:
a form error, an HTTP status or a WebSocket ``error`` frame."""

from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    """Root of the domain errors. ``code`` is stable (clients rely on it); ``detail`` is human."""

    code = "ERROR"
    default_detail = _("The action could not be completed.")
    http_status = 400

    def __init__(self, detail=None, *, code: str | None = None, **extra):
        self.detail = detail if detail is not None else self.default_detail
        if code:
            self.code = code
        self.extra = extra
        super().__init__(str(self.detail))


class PermissionDenied(ApplicationError):
    code = "FORBIDDEN"
    default_detail = _("You are not allowed to do this.")
    http_status = 403


class AuthRequired(PermissionDenied):
    code = "AUTH_REQUIRED"
    default_detail = _("You need to log in to do this.")
    http_status = 401


class VerificationRequired(PermissionDenied):
    code = "EMAIL_NOT_VERIFIED"
    default_detail = _("Confirm your e-mail address before taking part.")


class NotFound(ApplicationError):
    code = "NOT_FOUND"
    default_detail = _("This item does not exist.")
    http_status = 404


class InvalidInput(ApplicationError):
    code = "INVALID_INPUT"
    default_detail = _("The data sent is not valid.")


class InvalidState(ApplicationError):
    code = "INVALID_STATE"
    default_detail = _("This action is not possible in the current state.")
    http_status = 409

"""The one project error type. Services raise it with a message meant for the user; one DRF exception handler
(config.api) and one template path (config.views / messages) render it. Never a bare 500 for bad input."""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """A failure the user can understand and act on."""

    status_code = 400
    code = "invalid"

    def __init__(
        self, message: str, *, code: str | None = None, field: str | None = None, extra: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.field = field
        self.extra = extra or {}


class PermissionDenied(ApplicationError):
    status_code = 403
    code = "permission_denied"


class NotFound(ApplicationError):
    status_code = 404
    code = "not_found"


class Conflict(ApplicationError):
    status_code = 409
    code = "conflict"

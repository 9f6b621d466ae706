"""Domain errors. Services raise them; views and API handlers turn them into messages."""


class DomainError(Exception):
    """A request the rules refuse; ``message`` is shown to the user as it is."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(DomainError):
    pass


class NotFound(DomainError):
    pass


class InvalidTransition(DomainError):
    pass


class ValidationFailed(DomainError):
    """Several field errors at once: ``errors`` maps a field path to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        first = next(iter(errors.values()))[0] if errors else ""
        super().__init__(str(first))
        self.errors = errors

"""The one exception the deposit builder raises: a refusal the applicant can read."""


class SoftcopyRefused(Exception):
    """An upload or an option the builder cannot accept; ``reason`` is shown to the applicant."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

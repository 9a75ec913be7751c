"""One error type for every broken rule, carrying the regulation's section and a Russian message."""


class RuleError(Exception):
    """A rule of the regulation or of the intranet refused an action.

    ``section`` names the regulation's clause (e.g. "4.6"), ``field`` the form field the message
    belongs next to, when there is one; ``details`` are the several reasons of one refusal (every error
    of an uploaded file), shown under the message.
    """

    def __init__(self, message, *, section=None, field=None, details=()):
        super().__init__(message)
        self.message = message
        self.section = section
        self.field = field
        self.details = list(details)

    def __str__(self):
        if self.section:
            return f"{self.message} (п. {self.section} Положения)"
        return self.message

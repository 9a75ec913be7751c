"""One error type for every broken rule, carrying the regulation's section and a Russian message."""


class RuleError(Exception):
    """A rule of the regulation or of the intranet refused an action.

    ``section`` names the regulation's clause (e.g. "4.6"), ``field`` the form field the message
    belongs next to, when there is one.
    """

    def __init__(self, message, *, section=None, field=None):
        super().__init__(message)
        self.message = message
        self.section = section
        self.field = field

    def __str__(self):
        if self.section:
            return f"{self.message} (п. {self.section} Положения)"
        return self.message

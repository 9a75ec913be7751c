"""Documents whose issue changes another domain's records — an order replacing a mentor closes one pair and opens
another — are applied by that domain when they are issued (numbered): a refusal refuses the issue, so the register
and the records never disagree. Domains register a hook per kind; a draft changes nothing."""

_HOOKS: dict[str, list] = {}


def register_issue_hook(kind_code, hook):
    """``hook(document)`` runs when a document of ``kind_code`` is issued, in the same transaction; it may raise
    RuleError to refuse the issue."""
    _HOOKS.setdefault(kind_code, []).append(hook)
    return hook


def run_issue_hooks(document):
    for hook in _HOOKS.get(document.kind, ()):
        hook(document)

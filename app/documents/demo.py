"""Demo documents: the orders that start a program year, a partner agreement, papers to sign, a draft."""
from app.core.formatting import local_today
from app.documents.kinds import get_kind
from app.documents.prefill import providers_for, run_prefill
from app.documents.services import cancel_document, issue_document


def _issue(kind_code, user, *, prefill=None, draft=False, **changes):
    kind = get_kind(kind_code)
    values = {**kind.example_values(), "doc_date": local_today().isoformat(), **changes}
    subjects = []
    if prefill:
        provider, ids = prefill
        filled = run_prefill(kind_code, provider, [str(i) for i in ids])
        values.update(filled.values)
        subjects = filled.subjects
    return issue_document(kind_code, values, user, subjects=subjects, draft=draft)


def seed(context):
    """Issued by the demo secretary; the registry order is the curator's draft (5.1)."""
    users = context.users
    secretary, curator = users["secretary"], users["curator"]
    _issue("order_appoint_curator", secretary, prefill=("curator_account", [curator.id]))
    year = context.data.get("current_year")
    if year is not None:  # the commission's order and protocol come from the selection's records
        _issue("order_approve_mentor_registry", curator, draft=True, prefill=("year_registry", [year.id]))
    _issue("partner_agreement", secretary)
    _issue("candidate_application", secretary)
    _issue("consent_personal_data", secretary)
    letters = providers_for("letter_of_thanks")
    parents = letters[0].options() if letters else []
    if parents:
        _issue("letter_of_thanks", secretary, prefill=(letters[0].code, [parents[0][0]]))
    mistaken = _issue("order_awards", secretary)
    cancel_document(mistaken, secretary, "Издан до подведения итогов года; будет издан повторно в июне.")
    context.data["documents"] = True

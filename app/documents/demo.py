"""Demo documents: the orders that start a program year, a partner agreement, papers to sign, a draft."""
from app.core.formatting import local_today
from app.documents.kinds import get_kind
from app.documents.prefill import run_prefill
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
    commission = [users[key].id for key in ("director", "curator", "commission", "methodist")]
    _issue("order_create_commission", secretary, prefill=("commission_accounts", commission))
    _issue("commission_protocol", secretary, prefill=("commission_accounts", commission), members_total=4)
    _issue("order_approve_mentor_registry", curator, draft=True)
    _issue("partner_agreement", secretary)
    _issue("candidate_application", secretary)
    _issue("consent_personal_data", secretary)
    _issue("letter_of_thanks", secretary)
    mistaken = _issue("order_awards", secretary)
    cancel_document(mistaken, secretary, "Издан до подведения итогов года; будет издан повторно в июне.")
    context.data["documents"] = True

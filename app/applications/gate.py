"""The gate: nobody without the signed papers his part needs becomes an active mentor or mentee, is paired, or
goes before the commission (4.11, 4.5 and Приложение 5, agreement 2.2 and Приложение 2).

Registered as the bases' gate (app.bases.gates: pairing, the registry of mentors, returning to a pair) and called by
app.applications.services.start_review; the selection commission calls it the same way.
"""
from app.applications.checklist import PaperData, evaluate
from app.consents.models import ParticipantRole
from app.core.declension import gendered
from app.core.errors import RuleError


class DocumentsIncomplete(RuleError):
    """Refused for missing papers; ``gaps`` are the checklist items at fault, each citing its own rule."""

    def __init__(self, person, role, gaps):
        names = "; ".join(item.describe() for item in gaps)
        super().__init__(f"{person.full_name} не может участвовать в программе в качестве {role.genitive}, пока не "
                         f"собраны подписанные документы: {names}. Оформите их в разделе «Документы участника» на "
                         f"{gendered(person, 'его', 'её')} странице.", section=gaps[0].requirement.section)
        self.person, self.role, self.gaps = person, role, gaps

    def __str__(self):
        return self.message  # each gap names its rule; a single «п. … Положения» would mislead


def ensure_documents_complete(person, role, year, on_date, *, today=None):
    """Refuse with the missing papers named, unless every paper ``person`` needs as ``role`` is signed."""
    role = ParticipantRole(role)
    gaps = [item for item in evaluate(person, role, on_date, PaperData.load([person], year), today)
            if not item.done]
    if gaps:
        raise DocumentsIncomplete(person, role, gaps)

"""Two of the selection's papers state its records: the commission's order is its composition (changed only by a
new order) and the protocol states a closed meeting's frozen votes (4.13). The orders that follow the protocol (the
registry, the curator's appointment) may be cancelled and issued again from the meeting's page."""
from sqlalchemy import select

from app.documents.locks import register_lock
from app.extensions import db
from app.selection.models import Commission, CommissionMeeting

COMPOSITION = ("Приказ о составе конкурсной комиссии не исправляют и не отменяют: состав комиссии меняется только "
               "новым приказом директора. Оформите его на странице «Конкурсная комиссия».")
DECISIONS = ("Протокол оформлен по голосам закрытого заседания конкурсной комиссии: решения заморожены, поэтому "
             "протокол не исправляют и не отменяют. Новое решение принимается на новом заседании комиссии.")


@register_lock
def selection_paper(document):
    if document.id is None:
        return None
    if db.session.scalar(select(Commission.id).where(Commission.order_document_id == document.id).limit(1)):
        return "4.13", COMPOSITION
    if db.session.scalar(select(CommissionMeeting.id).where(CommissionMeeting.protocol_document_id == document.id)
                         .limit(1)):
        return "4.13", DECISIONS
    return None

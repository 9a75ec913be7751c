"""The selection's papers state its records: the commission's order is its composition (changed only by a new
order), the protocol and the orders that follow it state a closed meeting's frozen decisions (4.13)."""
from sqlalchemy import or_, select

from app.documents.locks import register_lock
from app.extensions import db
from app.selection.models import Commission, CommissionMeeting, MeetingCandidate

COMPOSITION = ("Приказ о составе конкурсной комиссии не исправляют и не отменяют: состав комиссии меняется только "
               "новым приказом директора. Оформите его на странице «Конкурсная комиссия».")
DECISIONS = ("Документ оформлен по решениям закрытого заседания конкурсной комиссии: решения заморожены, поэтому "
             "документ не исправляют и не отменяют. Новое решение принимается на новом заседании комиссии.")


@register_lock
def selection_paper(document):
    if document.id is None:
        return None
    if db.session.scalar(select(Commission.id).where(Commission.order_document_id == document.id).limit(1)):
        return "4.13", COMPOSITION
    decided = (db.session.scalar(select(CommissionMeeting.id).where(or_(
        CommissionMeeting.protocol_document_id == document.id, CommissionMeeting.registry_order_id == document.id))
        .limit(1)) or db.session.scalar(select(MeetingCandidate.id)
                                       .where(MeetingCandidate.appointment_order_id == document.id).limit(1)))
    return ("4.13", DECISIONS) if decided else None

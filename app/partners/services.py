"""Partner organisations: their details, the head who signs, the contact person of agreement 2.2."""
import re

from sqlalchemy import func, select

from app.audit import services as audit
from app.bases.models import MentorParticipation
from app.core.errors import RuleError
from app.core.idempotency import serialize
from app.core.names import Gender
from app.core.search import search_key
from app.extensions import db
from app.partners.models import DEFAULT_HEAD_BASIS, PartnerOrganisation
from app.people.models import Person
from app.people.services import check_name_part, optional_email, optional_phone

FIELDS = ("full_name", "short_name", "legal_address", "head_last_name", "head_first_name", "head_middle_name",
          "head_gender", "head_position", "head_basis", "contact_name", "contact_position", "contact_phone",
          "contact_email", "active")


def create_partner(*, actor=None, **values):
    partner = PartnerOrganisation(head_name_forms={})
    _apply(partner, values)
    db.session.add(partner)
    db.session.flush()
    audit.record("partner_created", actor=actor, target=partner, details={"name": partner.short_name})
    return partner


def update_partner(partner, *, actor=None, **values):
    before = _snapshot(partner)
    _apply(partner, values)
    after = _snapshot(partner)
    if before != after:
        audit.record("partner_updated", actor=actor, target=partner, details={"before": before, "after": after})
    return partner


def active_partners():
    return list(db.session.scalars(select(PartnerOrganisation).where(PartnerOrganisation.active.is_(True))
                                   .order_by(PartnerOrganisation.short_name)))


def offered_partners(current=None):
    """The organisations a person may work at: the active partners, and ``current`` even when it no longer is one."""
    partners = active_partners()
    if current is not None and current not in partners:
        partners.append(current)
    return partners


def partner_listing():
    """[(id, short name)] of every partner, for the people list's filter."""
    return [tuple(row) for row in db.session.execute(
        select(PartnerOrganisation.id, PartnerOrganisation.short_name).order_by(PartnerOrganisation.short_name))]


def get_partner(partner_id):
    return db.session.get(PartnerOrganisation, partner_id)


def social_partners_of(year):
    """8.4: the current partners whose employees mentor in ``year``, with how many; a former partner is left out."""
    return db.session.execute(
        select(PartnerOrganisation, func.count(MentorParticipation.id))
        .join(Person, Person.organisation_id == PartnerOrganisation.id)
        .join(MentorParticipation, MentorParticipation.person_id == Person.id)
        .where(MentorParticipation.program_year_id == year.id, PartnerOrganisation.active.is_(True))
        .group_by(PartnerOrganisation.id).order_by(PartnerOrganisation.short_name)).all()


def find_partner_by_name(name):
    """The partner whose short or full name is ``name`` (case and ё aside), or None. Partners are few."""
    key = search_key(name)
    for partner in db.session.scalars(select(PartnerOrganisation).order_by(PartnerOrganisation.id)):
        if key and key in (search_key(partner.short_name), search_key(partner.full_name)):
            return partner
    return None


def _apply(partner, values):
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown partner fields: {sorted(unknown)}")
    text = {key: re.sub(r"\s+", " ", str(values.get(key) or "").strip()) for key in FIELDS if key != "active"}
    for key, message in (("full_name", "Укажите полное наименование организации."),
                         ("short_name", "Укажите сокращённое наименование, например ООО «Уралмеханика»."),
                         ("legal_address", "Укажите юридический адрес (он печатается в соглашении).")):
        if not text[key]:
            raise RuleError(message, field=key)
    serialize("partner", search_key(text["short_name"]))  # two identical forms at once add one partner
    other = find_partner_by_name(text["short_name"])
    if other is not None and other is not partner:
        raise RuleError(f"Организация «{text['short_name']}» уже есть в списке партнёров.", field="short_name")
    partner.full_name, partner.short_name, partner.legal_address = (text["full_name"], text["short_name"],
                                                                    text["legal_address"])
    partner.head_last_name = check_name_part(text["head_last_name"], "фамилию руководителя", "head_last_name")
    partner.head_first_name = check_name_part(text["head_first_name"], "имя руководителя", "head_first_name")
    partner.head_middle_name = check_name_part(text["head_middle_name"], "отчество руководителя",
                                               "head_middle_name", required=False)
    try:
        partner.head_gender = Gender(values.get("head_gender"))
    except ValueError:
        raise RuleError("Укажите пол руководителя: он нужен, чтобы склонять ФИО в соглашении.",
                        field="head_gender") from None
    if not text["head_position"]:
        raise RuleError("Укажите должность руководителя, например «генеральный директор».", field="head_position")
    partner.head_position = text["head_position"]
    partner.head_basis = text["head_basis"] or DEFAULT_HEAD_BASIS
    partner.contact_name = text["contact_name"] or None
    partner.contact_position = text["contact_position"] or None
    partner.contact_phone = optional_phone(text["contact_phone"], field="contact_phone")
    partner.contact_email = optional_email(text["contact_email"], field="contact_email")
    if (partner.contact_phone or partner.contact_email or partner.contact_position) and not partner.contact_name:
        raise RuleError("Укажите ФИО уполномоченного сотрудника, чьи контакты вы ввели (п. 2.2 соглашения).",
                        field="contact_name")
    partner.active = bool(values.get("active", True))
    partner.search_name = search_key(partner.short_name, partner.full_name)


def _snapshot(partner):
    return {key: str(getattr(partner, key)) if getattr(partner, key) is not None else None for key in FIELDS}

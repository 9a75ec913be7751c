"""Printing the papers of 4.11 from a person's records, finding the one in force, withdrawing a consent.

Printing a paper makes its record and issues its document in one transaction (the route commits); the
paper's state then comes from the register: printed, and signed once a scan is filed against it.
"""
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.audit import services as audit
from app.bases.models import MenteeParticipation
from app.consents.models import PERSONAL_DATA_KINDS, Consent, ConsentKind, ParticipantRole
from app.core.declension import gendered
from app.core.errors import RuleError
from app.core.formatting import age_on, local_today, ru_date
from app.core.idempotency import serialize
from app.documents.links import PaperState
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.extensions import db
from app.people.categories import PersonCategory
from app.people.models import ADULT_AGE, Relation
from app.settings.registry import declare
from app.settings.services import get as get_setting

#: Printed where the participant writes by hand when he signs: the intranet need not keep his passport data.
BLANK_LINE = "_" * 48
#: Who signs for a minor, as the papers print it: «являясь матерью …» (4.11); (the words, the issue form's label).
REPRESENTATIVE_RELATIONS = (
    ("матерью", "мать"),
    ("отцом", "отец"),
    ("законным представителем (опекуном, попечителем)", "законный представитель (опекун, попечитель)"),
)
RELATION_WORDS = {Relation.MOTHER: REPRESENTATIVE_RELATIONS[0][0], Relation.FATHER: REPRESENTATIVE_RELATIONS[1][0]}
GUARDIAN_WORDS = REPRESENTATIVE_RELATIONS[2][0]
#: Roles that share one parent's application: a candidate's becomes the mentor's when he is selected.
ROLE_GROUPS = {ParticipantRole.MENTEE: {ParticipantRole.MENTEE},
               ParticipantRole.MENTOR: {ParticipantRole.MENTOR, ParticipantRole.CANDIDATE},
               ParticipantRole.CANDIDATE: {ParticipantRole.MENTOR, ParticipantRole.CANDIDATE}}


PARENTS_CONSENT_MINORS_ONLY = "applications.parents_consent_minors_only"
declare(PARENTS_CONSENT_MINORS_ONLY, "Согласие родителей по Приложению 5 — только для несовершеннолетних кандидатов",
        "Документы участников", kind="bool", default=False, required=False,
        description="Приложение 5 прилагает к заявлению кандидата «согласие родителей (законных представителей) "
                    "(для наставников-обучающихся)» — для каждого обучающегося. Отметьте, чтобы требовать его только "
                    "у тех, кому нет 18 лет (у несовершеннолетних оно нужно всегда, п. 4.11).")


def parents_consent_required(person, role, on):
    """Whether the parent's application is among the participant's papers: for a minor whatever his part (4.11);
    for a student who is a candidate or a mentor of any age, as Приложение 5 attaches «согласие родителей (законных
    представителей) (для наставников-обучающихся)» — unless a setting narrows that to minors."""
    if person.is_minor_on(on):
        return True
    if ParticipantRole(role) == ParticipantRole.MENTEE or person.category != PersonCategory.STUDENT:
        return False
    return not get_setting(PARENTS_CONSENT_MINORS_ONLY)


# --- finding -------------------------------------------------------------------------------------------

class ConsentList(list):
    """Papers of many people, grouped by (person, kind) on first use: a checklist of thousands of people finds
    each one's paper by a lookup, not by scanning every paper (issue 12: 25 s at 10× a college)."""

    @cached_property
    def by_person_kind(self):
        grouped = {}
        for consent in self:
            grouped.setdefault((consent.person_id, consent.kind), []).append(consent)
        return grouped


def consents_of(person_ids, kinds=None):
    """Every paper of these people, with the documents and scans their state is read from (a fixed few queries)."""
    if not person_ids:
        return ConsentList()
    query = (select(Consent).where(Consent.person_id.in_(list(person_ids)))
             .options(*Consent.papers_loaded(),
                      selectinload(Consent.program_year))
             .order_by(Consent.given_on, Consent.id))
    if kinds is not None:
        query = query.where(Consent.kind.in_(list(kinds)))
    return ConsentList(db.session.scalars(query))


def current_consent(consents, person, kind, *, year=None, role=None):
    """The paper in force for ``person``: the latest one that was issued (a withdrawn one included), or None."""
    roles = ROLE_GROUPS[role] if role is not None and kind == ConsentKind.PARENT_APPLICATION else None
    if not isinstance(consents, ConsentList):
        consents = ConsentList(consents)
    matching = [c for c in consents.by_person_kind.get((person.id, kind), ())
                if (not kind.per_year or (year is not None and c.program_year_id == year.id))
                and (roles is None or c.role in roles) and c.state != PaperState.MISSING]
    return max(matching, key=lambda c: (c.given_on, c.id)) if matching else None


def withdrawn_consents(person_ids):
    """{person id: the withdrawn consent} for people whose consent in force is withdrawn: they are flagged."""
    consents = consents_of(person_ids, PERSONAL_DATA_KINDS)
    flagged = {}
    for consent in consents:
        if consent.person_id in flagged:
            continue
        current = current_consent(consents, consent.person, consent.kind)
        if current is not None and current.state == PaperState.WITHDRAWN:
            flagged[consent.person_id] = current
    return flagged


# --- printing ------------------------------------------------------------------------------------------

def print_consent(kind, person, user, *, role, year=None, representative=None, on=None, address=None,
                  id_document=None):
    """Make the paper's record and issue its document, filled from the person's card (and his year's row)."""
    kind, role = ConsentKind(kind), ParticipantRole(role)
    on = on or local_today()
    if on > local_today():
        raise RuleError("Дата документа не может быть в будущем.", field="given_on")
    if kind.per_year:
        if year is None:
            raise RuleError("Выберите учебный год: заявление подаётся на учебный год.", field="program_year")
        year.ensure_open("Новые документы")
    _check_signer(kind, person, representative, on, role)
    if kind == ConsentKind.MENTEE_APPLICATION and role != ParticipantRole.MENTEE:
        raise RuleError("Заявление на участие в качестве наставляемого подаёт наставляемый.", field="role")
    serialize("consent", person.id, kind)  # two clicks at once print one paper
    existing = current_consent(consents_of([person.id], [kind]), person, kind, year=year, role=role)
    if existing is not None and existing.state in (PaperState.PRINTED, PaperState.SIGNED):
        raise RuleError(f"«{existing.title}» уже оформлено {ru_date(existing.given_on)} ({existing.state.label}): "
                        "откройте его, чтобы скачать или загрузить скан.", field="kind")
    consent = Consent(person=person, kind=kind, program_year=year if kind.per_year else None, role=role,
                      representative=representative,
                      representative_name=representative.full_name if representative is not None else None,
                      given_on=on, created_by_id=user.id)
    db.session.add(consent)
    db.session.flush()
    values = paper_values(consent, address=address, id_document=id_document)
    issue_document(kind.document_kind, values, user, subjects=paper_subjects(consent))
    audit.record("consent_printed", actor=user, target=consent,
                 details={"person": person.full_name, "kind": kind.value, "year": year.title if year else None})
    db.session.expire(consent, ["linked_documents", "linked_scans"])
    return consent


def _check_signer(kind, person, representative, on, role):
    """4.11: a minor's consent and application are his parent's; an adult signs his own — but the parents of a
    student candidate consent to his candidacy (Приложение 5)."""
    minor = person.is_minor_on(on)
    if kind.by_representative:
        if not (kind == ConsentKind.PARENT_APPLICATION and parents_consent_required(person, role, on)):
            check_signed_for_a_minor(person.birth_date, on, who=person.full_name)
        if representative is None or representative.person_id != person.id:
            raise RuleError("Выберите родителя (законного представителя) из карточки участника.", section="4.11",
                            field="representative")
    elif kind == ConsentKind.PERSONAL_DATA and minor:
        words = gendered(person, ("несовершеннолетний", "его"), ("несовершеннолетняя", "её"))
        raise RuleError(f"{person.full_name} на {ru_date(on)} {words[0]}: согласие на обработку {words[1]} "
                        "персональных данных даёт родитель (законный представитель).", section="4.11", field="kind")


def check_signed_for_a_minor(birth_date, on, *, who=None, field="kind"):
    """4.11: a parent (legal representative) signs for a participant under 18 on the paper's date, and only for
    him; ``who`` names him in the refusal."""
    if age_on(birth_date, on) < ADULT_AGE:
        return
    adult = f"{who} на {ru_date(on)} совершеннолетний" if who else "На дату документа участнику уже исполнилось 18 лет"
    raise RuleError(f"{adult}: документ родителя (законного представителя) не нужен — оформите документ самого "
                    "участника.", section="4.11", field=field)


def paper_subjects(consent):
    """The record, the participant and, for a minor, the parent: the register finds the paper from each."""
    person = consent.person
    subjects = [Subject("consent", consent.id, "paper", f"{person.short_name}: {consent.kind.label.lower()}"),
                Subject("person", person.id, consent.role.value, person.short_name)]
    if consent.representative is not None:
        subjects.append(Subject("representative", consent.representative.id, "representative",
                                consent.representative.short_name))
    return subjects


def paper_values(consent, *, address=None, id_document=None):
    """The engine's field values for the consent's kind, from the person's card and his year's row."""
    person, kind = consent.person, consent.kind
    common = {"doc_date": consent.given_on, "participant_role": consent.role.genitive}
    if kind == ConsentKind.PERSONAL_DATA:
        return {**common, "person": person, "birth_date": person.birth_date, "address": address or BLANK_LINE,
                "id_document": id_document or BLANK_LINE}
    if kind == ConsentKind.MENTEE_APPLICATION:
        mentee = mentee_row(person, consent.program_year)
        return {"doc_date": consent.given_on, "mentee": person, "mentee_position": participant_position(person),
                "category": mentee.category.label, "academic_year": consent.program_year.title,
                "main_request": mentee.main_request, "phone": person.phone}
    representative = consent.representative
    if representative is None:
        raise RuleError("Родитель (законный представитель), подписавший документ, удалён из карточки: оформите "
                        "документ заново с другим представителем.", section="4.11")
    parent = {**common, "representative": representative, "minor": person, "minor_birth_date": person.birth_date,
              "relation": RELATION_WORDS.get(representative.relation, GUARDIAN_WORDS),
              "minor_group": person.study_group or BLANK_LINE}
    if kind == ConsentKind.PERSONAL_DATA_PARENT:
        return {**parent, "representative_address": address or BLANK_LINE,
                "representative_id_document": id_document or BLANK_LINE}
    return {**parent, "representative_phone": representative.phone or BLANK_LINE,
            "academic_year": consent.program_year.title, "is_minor": person.is_minor_on(consent.given_on)}


def mentee_row(person, year):
    """The person's row of the year's mentee base: his request is printed in his application (4.3, 4.11)."""
    mentee = db.session.scalar(select(MenteeParticipation).where(MenteeParticipation.person_id == person.id,
                                                                  MenteeParticipation.program_year_id == year.id))
    if mentee is None:
        raise RuleError(f"{person.full_name} нет в базе наставляемых {year.title} учебного года: заявление печатается "
                        "с его основным запросом — сначала внесите его в базу.", section="4.11", field="kind")
    return mentee


def participant_position(person):
    """«студентка группы ТМ-21», «преподаватель математики», «инженер-технолог, ООО «…»»: as the papers print it."""
    if person.category == PersonCategory.STUDENT:
        word = gendered(person, "студент", "студентка")
        return f"{word} группы {person.study_group}" if person.study_group else word
    if person.category == PersonCategory.PARTNER_EMPLOYEE and person.organisation is not None:
        return ", ".join(part for part in (person.position, person.organisation.short_name) if part)
    return person.position or person.category.label


# --- withdrawal ----------------------------------------------------------------------------------------

def withdraw_consent(consent, user, *, on=None, note=None):
    """From ``on`` the person enters no new pair and is flagged wherever he appears (152-ФЗ, ст. 9; 4.11)."""
    on = on or local_today()
    if on > local_today():
        raise RuleError("Дата отзыва не может быть в будущем: отметьте отзыв в день, когда он получен.", field="on")
    if on < consent.given_on:
        raise RuleError(f"Согласие дано {ru_date(consent.given_on)}: отозвать его раньше нельзя.", field="on")
    consent.withdraw(on, (note or "").strip()[:500] or None, user)
    db.session.flush()
    audit.record("consent_withdrawn", actor=user, target=consent,
                 details={"person": consent.person.full_name, "kind": consent.kind.value, "on": on.isoformat()})
    return consent

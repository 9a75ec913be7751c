"""People and their legal representatives: the checks of docs/design.md "Personal data", every
change audited.

Services take plain values; the route commits, so a refusal leaves nothing half-saved.
"""
import re
from datetime import date

from sqlalchemy import select

from app.audit import services as audit
from app.core.declension import gendered
from app.core.errors import RuleError
from app.core.formatting import age_on, local_today, ru_date
from app.core.idempotency import serialize
from app.core.names import Gender, GrammaticalCase
from app.core.search import search_key
from app.core.validation import check_email, check_phone
from app.extensions import db
from app.people.categories import PersonCategory
from app.people.models import LegalRepresentative, Person, Relation

#: A birth date giving an age outside these bounds is a typing error, not a participant.
MIN_PLAUSIBLE_AGE = 10
MAX_PLAUSIBLE_AGE = 100
NAME_PATTERN = re.compile(r"^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' .\-]*$")
#: Cases a person may correct by hand; the nominative is the name itself.
EDITABLE_CASES = [case for case in GrammaticalCase if case != GrammaticalCase.NOMINATIVE]


class ProbableDuplicate(RuleError):
    """Someone with the same full name and birth date is already in the base: the user may confirm past it."""

    def __init__(self, existing):
        names = "; ".join(f"{person.full_name}, {ru_date(person.birth_date)} (карточка № {person.id})"
                          for person in existing)
        super().__init__(f"Возможно, этот человек уже есть в базе: {names}. Откройте его карточку, или, если это "
                         "другой человек, отметьте «Это другой человек» и сохраните ещё раз.",
                         field="confirm_duplicate")
        self.existing = existing


def create_person(*, last_name, first_name, middle_name=None, gender, birth_date, category, study_group=None,
                  position=None, organisation=None, phone=None, email=None, confirm_duplicate=False,
                  today=None, actor=None):
    """Add a person to the people base."""
    person = Person(name_forms={})
    with db.session.no_autoflush:  # the duplicate query must not flush the half-built row
        _apply(person, last_name, first_name, middle_name, gender, birth_date, category, study_group, position,
               organisation, phone, email, today)
        if not confirm_duplicate:
            _warn_of_duplicates(person)
    db.session.add(person)
    db.session.flush()
    audit.record("person_created", actor=actor, target=person,
                 details={"name": person.full_name, "category": str(person.category)})
    return person


def update_person(person, *, last_name, first_name, middle_name=None, gender, birth_date, category,
                  study_group=None, position=None, organisation=None, phone=None, email=None,
                  confirm_duplicate=False, today=None, actor=None):
    before = _snapshot(person)
    with db.session.no_autoflush:
        _apply(person, last_name, first_name, middle_name, gender, birth_date, category, study_group, position,
               organisation, phone, email, today)
        if not confirm_duplicate and (before["name"], before["birth_date"]) != (person.full_name,
                                                                               str(person.birth_date)):
            _warn_of_duplicates(person)
    after = _snapshot(person)
    if before != after:
        audit.record("person_updated", actor=actor, target=person, details={"before": before, "after": after})
    return person


def find_probable_duplicates(last_name, first_name, middle_name, birth_date, exclude_id=None):
    """People with the same full name (case and ё aside) and the same birth date."""
    query = select(Person).where(Person.search_name == search_key(last_name, first_name, middle_name),
                                 Person.birth_date == birth_date)
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    return list(db.session.scalars(query.order_by(Person.id)))


def check_birth_date(birth_date, today=None, field="birth_date"):
    """Refuse a birth date in the future or one that makes an implausible age."""
    today = today or local_today()
    if not isinstance(birth_date, date):
        raise RuleError("Укажите дату рождения.", field=field)
    if birth_date > today:
        raise RuleError("Дата рождения не может быть в будущем: проверьте год.", field=field)
    age = age_on(birth_date, today)
    if age < MIN_PLAUSIBLE_AGE or age > MAX_PLAUSIBLE_AGE:
        raise RuleError(f"Дата рождения {ru_date(birth_date)} даёт возраст {age} лет: проверьте её.", field=field)
    return birth_date


def check_name_part(value, label, field, required=True):
    value = re.sub(r"\s+", " ", (value or "").strip())
    if not value:
        if required:
            raise RuleError(f"Укажите {label}.", field=field)
        return None
    if not NAME_PATTERN.match(value):
        raise RuleError(f"{label.capitalize()}: только буквы, дефис, апостроф и пробел.", field=field)
    return value


def optional_phone(value, field="phone"):
    return check_phone(value, field=field) if (value or "").strip() else None


def optional_email(value, field="email"):
    return check_email(value.strip(), field=field) if (value or "").strip() else None


def set_name_forms(record, forms, *, attribute="name_forms", actor=None):
    """Store the hand-made case forms of a name (person, representative, partner's head); empty means automatic."""
    cleaned = {}
    for case in EDITABLE_CASES:
        value = re.sub(r"\s+", " ", (forms.get(case.value) or "").strip())
        if value:
            if not NAME_PATTERN.match(value):
                raise RuleError("Форма имени: только буквы, дефис, апостроф, точка и пробел.", field=case.value)
            cleaned[case.value] = value
    before = getattr(record, attribute) or {}
    if cleaned != before:
        audit.record("name_forms_changed", actor=actor, target=record, details={"before": before, "after": cleaned})
    setattr(record, attribute, cleaned)
    return record


# --- legal representatives (4.11) ---------------------------------------------------------------

def add_representative(person, *, last_name, first_name, middle_name=None, gender, relation, phone=None,
                       email=None, actor=None):
    representative = LegalRepresentative(person=person, name_forms={})
    _apply_representative(representative, last_name, first_name, middle_name, gender, relation, phone, email)
    db.session.add(representative)
    db.session.flush()
    audit.record("representative_added", actor=actor, target=person,
                 details={"representative": representative.full_name, "relation": str(representative.relation)})
    return representative


def update_representative(representative, *, last_name, first_name, middle_name=None, gender, relation,
                          phone=None, email=None, actor=None):
    _apply_representative(representative, last_name, first_name, middle_name, gender, relation, phone, email)
    audit.record("representative_updated", actor=actor, target=representative.person,
                 details={"representative": representative.full_name})
    return representative


def remove_representative(representative, *, actor=None, today=None):
    """Remove a representative; a minor in the program keeps at least one (4.11)."""
    person = representative.person
    if len(person.representatives) == 1 and _in_program_as_minor(person, today or local_today()):
        words = gendered(person, ("несовершеннолетним", "него"), ("несовершеннолетней", "неё"))
        raise RuleError(f"{person.full_name} участвует в программе {words[0]}: у {words[1]} должен остаться хотя бы "
                        "один законный представитель. Сначала добавьте другого.", section="4.11")
    audit.record("representative_removed", actor=actor, target=person,
                 details={"representative": representative.full_name})
    person.representatives.remove(representative)
    db.session.flush()


def _in_program_as_minor(person, today):
    participations = [*person.mentee_participations, *person.mentor_participations]
    return any(person.is_minor_on(max(p.entry_date, today)) for p in participations if p.end_date is None)


def _apply_representative(representative, last_name, first_name, middle_name, gender, relation, phone, email):
    representative.last_name = check_name_part(last_name, "фамилию представителя", "last_name")
    representative.first_name = check_name_part(first_name, "имя представителя", "first_name")
    representative.middle_name = check_name_part(middle_name, "отчество представителя", "middle_name",
                                                 required=False)
    representative.gender = _enum(Gender, gender, "Укажите пол представителя.", "gender")
    representative.relation = _enum(Relation, relation, "Укажите, кем представитель приходится.", "relation")
    representative.phone = optional_phone(phone)
    representative.email = optional_email(email)
    if not (representative.phone or representative.email):
        raise RuleError("Укажите телефон или электронную почту представителя: это контактные данные для связи "
                        "(Приложение 3).", field="phone")


# --- the person's own fields ---------------------------------------------------------------------

def _apply(person, last_name, first_name, middle_name, gender, birth_date, category, study_group, position,
           organisation, phone, email, today):
    person.last_name = check_name_part(last_name, "фамилию", "last_name")
    person.first_name = check_name_part(first_name, "имя", "first_name")
    person.middle_name = check_name_part(middle_name, "отчество", "middle_name", required=False)
    person.gender = _enum(Gender, gender, "Укажите пол: он нужен, чтобы склонять ФИО в документах.", "gender")
    person.birth_date = check_birth_date(birth_date, today)
    person.category = category = _enum(PersonCategory, category, "Укажите категорию участника.", "category")
    person.study_group = (study_group or "").strip() or None
    person.position = (position or "").strip() or None
    if category == PersonCategory.STUDENT and not person.study_group:
        raise RuleError("Укажите учебную группу обучающегося, например «ТМ-21».", field="study_group")
    if category == PersonCategory.PARTNER_EMPLOYEE:
        if organisation is None:
            raise RuleError("Выберите организацию-партнёра, в которой работает этот человек.", field="organisation")
        if not person.position:
            raise RuleError("Укажите должность сотрудника организации-партнёра.", field="position")
    elif organisation is not None:
        raise RuleError("Организация-партнёр указывается только для категории «сотрудник организации-партнёра».",
                        field="organisation")
    person.organisation = organisation
    person.phone = optional_phone(phone)
    person.email = optional_email(email)
    person.search_name = search_key(person.last_name, person.first_name, person.middle_name)


def _warn_of_duplicates(person):
    # One check at a time per name and birth date: two identical forms at once make one card (issue 11).
    serialize("person", person.search_name, person.birth_date)
    existing = find_probable_duplicates(person.last_name, person.first_name, person.middle_name, person.birth_date,
                                        exclude_id=person.id)
    if existing:
        raise ProbableDuplicate(existing)


def _enum(enum_class, value, message, field):
    try:
        return enum_class(value)
    except ValueError:
        raise RuleError(message, field=field) from None


def _snapshot(person):
    return {"name": person.full_name, "birth_date": str(person.birth_date), "gender": str(person.gender),
            "category": str(person.category), "study_group": person.study_group, "position": person.position,
            "organisation": person.organisation.short_name if person.organisation else None,
            "phone": person.phone, "email": person.email}

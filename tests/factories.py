"""Factories for the bases: program years, people, partners, mentees, mentors — through the services.

Plain functions (the role-matrix seeds and the benchmark call them) plus fixtures that return them.
Every record is made by the same service a form uses, so a factory cannot build what a rule refuses —
the papers' gate included: a registered mentor, and a mentee made with ``papers=True``, get every
paper their part needs printed and signed (``give_papers``) before they are registered or paired.
"""
from datetime import date
from itertools import count

import pytest

from app.accounts import services as accounts
from app.applications.paperwork import complete_paperwork
from app.bases import services as bases
from app.bases.models import MenteeParticipation
from app.core.names import Gender
from app.core.roles import Role
from app.extensions import db
from app.partners import services as partners
from app.people import services as people
from app.people.categories import MenteeCategory, PersonCategory
from app.people.models import Relation
from app.programs import services as programs

YEAR_START = date(2026, 9, 1)
YEAR_END = date(2027, 8, 31)
ENTRY = date(2026, 9, 15)
_numbers = count(1)


def standard_forms():
    return programs.ensure_standard_forms()


def make_year(title="2026/2027", start=YEAR_START, end=YEAR_END, codes=("student_student", "teacher_teacher",
                                                                     "employer_student")):
    forms = standard_forms()
    year = programs.create_year(title=title, start_date=start, end_date=end, forms=[forms[code] for code in codes])
    db.session.commit()
    return year


def make_person(last_name=None, first_name="Иван", middle_name="Петрович", gender=Gender.MALE,
                birth_date=date(2005, 3, 1), category=PersonCategory.STUDENT, study_group="ТМ-21", position=None,
                organisation=None, phone="+7 912 000-00-00", email=None, with_representative=False):
    person = people.create_person(
        last_name=last_name or _surname(),
        first_name=first_name, middle_name=middle_name, gender=gender, birth_date=birth_date, category=category,
        study_group=study_group if category == PersonCategory.STUDENT else None, position=position,
        organisation=organisation, phone=phone, email=email, confirm_duplicate=True)
    if with_representative:
        people.add_representative(person, last_name="Родителева", first_name="Анна", middle_name="Сергеевна",
                                  gender=Gender.FEMALE, relation=Relation.MOTHER, phone="+7 912 111-11-11")
    db.session.commit()
    return person


_SURNAMES = ["Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
             "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов"]


def _surname():
    number = next(_numbers)
    return f"{_SURNAMES[number % len(_SURNAMES)]}{'а' * (number // len(_SURNAMES))}"


def make_teacher(**overrides):
    values = {"category": PersonCategory.TEACHER, "position": "преподаватель", "birth_date": date(1980, 5, 5)}
    return make_person(**{**values, **overrides})


def make_partner(short_name=None, **overrides):
    values = {"full_name": "Общество с ограниченной ответственностью «Уралмеханика»",
              "short_name": short_name or f"ООО «Партнёр-{next(_numbers)}»",
              "legal_address": "624330, Свердловская область, г. Красноуральск, ул. Заводская, 1",
              "head_last_name": "Ершов", "head_first_name": "Виктор", "head_middle_name": "Андреевич",
              "head_gender": "male", "head_position": "генеральный директор", "head_basis": "Устава",
              "contact_name": "Лаптева Ольга Игоревна", "contact_position": "специалист по персоналу",
              "contact_phone": "+7 (34343) 2-11-00", "contact_email": "hr@partner.example", "active": True}
    values.update(overrides)
    partner = partners.create_partner(**values)
    db.session.commit()
    return partner


def make_employee(partner, **overrides):
    values = {"category": PersonCategory.PARTNER_EMPLOYEE, "position": "мастер участка", "organisation": partner,
              "birth_date": date(1985, 2, 2)}
    return make_person(**{**values, **overrides})


def make_mentee(person=None, year=None, category=MenteeCategory.STUDENT, entry_date=ENTRY, form=None,
                main_request="Подтянуть учёбу по спецпредметам", end_date=None, papers=False):
    """A row of the mentee base; ``papers=True`` signs his papers too, so he may be paired."""
    person = person or make_person()
    year = year or programs.current_year() or make_year()
    mentee = bases.add_mentee(person, year, category=category, main_request=main_request, entry_date=entry_date,
                              mentorship_form=form, end_date=end_date)
    db.session.commit()
    if papers:
        give_papers(mentee)
    return mentee


def make_mentor(person=None, year=None, form_code="student_student", entry_date=ENTRY, registered=True,
                competencies="Лидер группы, победитель олимпиады по электротехнике"):
    """A row of the mentor base; a registered mentor has his papers signed first (the gate of register_mentor)."""
    person = person or make_person(birth_date=date(2004, 1, 10), study_group="ЭМ-22")
    year = year or programs.current_year() or make_year()
    form = standard_forms()[form_code]
    mentor = bases.add_mentor(person, year, mentorship_form=form, entry_date=entry_date, competencies=competencies)
    db.session.commit()
    if registered:
        give_papers(mentor)
        bases.register_mentor(mentor, basis="Приказ № 12-н от 10.09.2026", on=entry_date)
        db.session.commit()
    return mentor


def give_papers(participation):
    """Every paper the participation's person needs, printed and signed with a generated scan (4.11, Прил. 5, 2.2)."""
    role = "mentee" if isinstance(participation, MenteeParticipation) else "mentor"
    complete_paperwork(participation.person, role, participation.program_year, participation.entry_date,
                       papers_clerk())
    db.session.commit()
    return participation


def give_candidate_papers(person, year, form_code="student_student", on=ENTRY):
    """A candidate's papers before he is in the mentor base: his application (Приложение 5) and the rest."""
    complete_paperwork(person, "candidate", year, on, papers_clerk(), form=standard_forms()[form_code])
    db.session.commit()
    return person


def papers_clerk():
    """The secretary who prints the factories' papers."""
    email = "papers-clerk@kmt.test"
    user = accounts.find_user_by_email(email)
    if user is None:
        user, _ = accounts.create_user(email=email, last_name="Белова", first_name="Ирина", middle_name="Сергеевна",
                                       roles=[Role.SECRETARY], password="papers-clerk-123")
        db.session.commit()
    return user


@pytest.fixture
def bases_world(app):
    """The factories, for tests: bases_world.year(), .person(), .mentee(), …"""

    class World:
        year = staticmethod(make_year)
        person = staticmethod(make_person)
        teacher = staticmethod(make_teacher)
        partner = staticmethod(make_partner)
        employee = staticmethod(make_employee)
        mentee = staticmethod(make_mentee)
        mentor = staticmethod(make_mentor)
        papers = staticmethod(give_papers)
        candidate_papers = staticmethod(give_candidate_papers)
        forms = staticmethod(standard_forms)

    return World()

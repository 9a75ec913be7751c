"""Fixtures of the selection tests (importable by the browser tests): commission accounts, a composition and its
open meeting, candidates with their papers, the agenda, a member's review."""
from datetime import date

import pytest

from app.core.roles import Role
from app.extensions import db

POSITIONS = {"director": "директор", "curator": "заместитель директора по УВР", "secretary": "секретарь учебной части",
             "staff": "социальный педагог"}


@pytest.fixture
def people(app, make_user):
    """Accounts for a commission: the director, the curator, four teachers, a secretary, an outsider."""
    accounts = {
        "director": make_user(Role.DIRECTOR, Role.COMMISSION, email="director@kmt.ru", last_name="Гордеева",
                              first_name="Светлана", middle_name="Александровна"),
        "curator": make_user(Role.CURATOR, Role.COMMISSION, email="curator@kmt.ru", last_name="Морозова",
                             first_name="Ольга", middle_name="Николаевна"),
        "lebedev": make_user(Role.COMMISSION, email="lebedev@kmt.ru", last_name="Лебедев", first_name="Дмитрий",
                             middle_name="Игоревич"),
        "vasilyeva": make_user(Role.COMMISSION, email="vasilyeva@kmt.ru", last_name="Васильева",
                               first_name="Наталья", middle_name="Юрьевна"),
        "orlov": make_user(Role.COMMISSION, email="orlov@kmt.ru", last_name="Орлов", first_name="Павел",
                           middle_name="Андреевич"),
        "zaitseva": make_user(Role.COMMISSION, email="zaitseva@kmt.ru", last_name="Зайцева", first_name="Юлия",
                              middle_name="Олеговна"),
        "secretary": make_user(Role.SECRETARY, email="secretary@kmt.ru", last_name="Белова", first_name="Ирина",
                               middle_name="Сергеевна"),
        "staff": make_user(Role.STAFF, email="staff@kmt.ru", last_name="Кузнецова", first_name="Марина",
                           middle_name="Андреевна"),
    }
    for name, user in accounts.items():
        user.position = POSITIONS.get(name, "преподаватель")
    db.session.commit()
    return accounts


ORDER_DATE = date(2026, 9, 1)
DEADLINE = date(2026, 9, 25)
MEETING_DATE = date(2026, 9, 20)


@pytest.fixture
def composition(app, people):
    """The standard composition of 4.13 on the year 2026/2027: the director chairs, the curator, Лебедев,
    Васильева as the commission's secretary (4 members, quorum 3)."""
    from app.selection import commission
    from app.selection.models import CommissionRole
    from app.selection.services import ensure_standard_criteria
    from tests.factories import make_year

    ensure_standard_criteria()  # migration 0014 seeds them; the tests' schema is made by create_all
    year = make_year()
    members = [(people["director"], CommissionRole.CHAIR), (people["curator"], CommissionRole.MEMBER),
               (people["lebedev"], CommissionRole.MEMBER), (people["vasilyeva"], CommissionRole.SECRETARY)]
    result = commission.form_commission(year, members, order_date=ORDER_DATE, selection_deadline=DEADLINE,
                                        actor=people["secretary"])
    db.session.commit()
    return result


@pytest.fixture
def meeting(composition, people):
    """An open meeting of the composition with the director, the curator and Лебедев present."""
    from app.selection import commission

    result = commission.open_meeting(composition, meeting_date=MEETING_DATE, actor=people["secretary"],
                                     present_users=[people["director"], people["curator"], people["lebedev"]])
    db.session.commit()
    return result


@pytest.fixture
def candidate(app):
    """make(form_code="student_student" (a curator's: "teacher_teacher"), for_curator=False, papers=True,
    someone=None, **person): a candidate's application of the year (of ``someone`` or of a new person); with
    papers=True every paper of his is signed (the gate lets him before the commission)."""
    from app.applications import services as applications
    from app.programs.services import current_year
    from tests.factories import ENTRY, give_candidate_papers, make_person, papers_clerk, standard_forms

    def make(form_code=None, *, for_curator=False, papers=True, someone=None, **person):
        form_code = form_code or ("teacher_teacher" if for_curator else "student_student")
        if form_code == "teacher_teacher":
            person = {"category": "teacher", "position": "преподаватель", "birth_date": date(1980, 5, 5), **person}
        else:
            person = {"birth_date": date(2004, 1, 10), "study_group": "ТМ-31", **person}
        someone = someone or make_person(**person)
        year = current_year()
        application = applications.submit_application(someone, year, papers_clerk(), **{
            **applications.default_values(someone, year), "mentorship_form": standard_forms()[form_code],
            "portfolio_pages": 8, "regulation_acknowledged": True, "personal_data_consent": True,
            "applied_on": ENTRY, "personal_data_consent_on": ENTRY, "for_curator": for_curator,
            "email": f"candidate{someone.id}@kmt.example"})
        db.session.commit()
        if papers:
            give_candidate_papers(someone, year, form_code, on=ENTRY)
        return application

    return make


@pytest.fixture
def on_agenda(meeting, people):
    """put(*applications) -> their agenda items on the open meeting (the secretary puts them there)."""
    from app.selection import agenda

    def put(*applications):
        items = agenda.add_to_agenda(meeting, list(applications), actor=people["secretary"])
        db.session.commit()
        return items

    return put


def cast(item, user, vote="for", score=2, comment=None):
    """A member's review of ``item``: ``score`` on every criterion of the candidate and ``vote``."""
    from app.selection import reviews

    review = reviews.save_review(item, user, scores={c.id: score for c in reviews.criteria_of(item)}, vote=vote,
                                 comment=comment)
    db.session.commit()
    return review

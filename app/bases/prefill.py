"""Documents from the bases' records: the order on a year's registry, awards, letters of thanks, the bases printed as
tables (Приложения 3, 4): the secretary picks the record, the engine fills the rest. The Program and its pairs and
the orders on one pair are filled from the pairings (app.pairs.prefill).
"""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.bases.labels import PROGRAM_PASSED
from app.bases.models import MentorParticipation, MentorStatus
from app.bases.queries import BaseFilters, mentee_query, mentor_query
from app.documents.prefill import Prefill, PrefillProvider, Subject, register_prefill
from app.extensions import db
from app.people.categories import PersonCategory
from app.people.models import LegalRepresentative, Person
from app.programs.models import ProgramYear, ProgramYearStatus
from app.programs.services import years_newest_first


def year_options():
    return [(str(year.id), f"{year.title} учебный год") for year in years_newest_first()]


def _year(ids):
    return db.session.get(ProgramYear, int(ids[0]))


def _person_subject(person, role):
    return Subject("person", person.id, role, person.short_name)


# --- a year: the registry, the Program and its pairs, the bases as tables -------------------------------

def _registered_mentors(year):
    return db.session.scalars(
        select(MentorParticipation).join(MentorParticipation.person)
        .where(MentorParticipation.program_year_id == year.id,
               MentorParticipation.status.in_([MentorStatus.REGISTERED, MentorStatus.COMPLETED]))
        .options(selectinload(MentorParticipation.person).selectinload(Person.organisation),
                 selectinload(MentorParticipation.mentorship_form))
        .order_by(Person.search_name)).all()


def fill_registry(ids):
    """4.13: the mentors of the year's registry, in the order of their names."""
    return registry_prefill(_year(ids))


def registry_prefill(year, incoming=()):
    """The registry order's rows: the year's registered mentors and ``incoming`` ones (the commission's selected
    candidates, entering it by this order), in the order of their names, with their dates of entering (Приложение 4)."""
    mentors = sorted({*_registered_mentors(year), *incoming}, key=lambda m: (m.person.search_name, m.id))
    rows = [{"name": m.person.full_name, "place": m.person.place_of_work_or_study, "form": m.mentorship_form.name,
             "entry": m.entry_date} for m in mentors]
    return Prefill(values={"academic_year": year.title, "mentors": rows},
                   subjects=[_person_subject(m.person, "mentor") for m in mentors])


def fill_mentee_base(ids):
    """Приложение 3 as it stands for the year, in the regulation's columns."""
    year = _year(ids)
    query, _ = mentee_query(BaseFilters(year_id=year.id))
    rows = []
    for mentee in db.session.scalars(query):
        mentor = mentee.mentor
        rows.append({
            "full_name": mentee.person.full_name, "contacts": mentee.contact_details,
            "birth_year": mentee.person.birth_date.year, "main_request": mentee.main_request,
            "join_date": mentee.entry_date, "mentor_name": mentor.person.full_name if mentor else "",
            "form": mentee.mentorship_form.name if mentee.mentorship_form else "",
            "mentor_place": mentor.person.place_of_work_or_study if mentor else "",
            "end_date": mentee.end_date, "results": mentee.results or "", "case_link": mentee.case_link or "",
            "completed": PROGRAM_PASSED[mentee.program_passed]})
    return Prefill(values={"academic_year": year.title, "rows": rows})


def fill_mentor_base(ids):
    """Приложение 4 as it stands for the year, in the regulation's columns."""
    year = _year(ids)
    query, _ = mentor_query(BaseFilters(year_id=year.id))
    rows = []
    for mentor in db.session.scalars(query):
        rows.append({
            "full_name": mentor.person.full_name, "contacts": mentor.contact_details,
            "place": mentor.person.place_of_work_or_study, "competencies": mentor.competencies,
            "achievements": mentor.achievements or "", "interests": mentor.interests or "",
            "mentee_age": mentor.desired_mentee_age or "", "time_resource": mentor.time_resource or "",
            "join_date": mentor.entry_date, "mentees": ", ".join(m.person.full_name for m in mentor.mentees),
            "form": mentor.mentorship_form.name,
            "mentee_place": "; ".join(m.person.place_of_work_or_study for m in mentor.mentees),
            "end_date": mentor.end_date, "results": mentor.results or "", "case_link": mentor.case_link or ""})
    return Prefill(values={"academic_year": year.title, "rows": rows})


# --- letters of thanks to the parents of student mentors (9.1) ------------------------------------------


def _student_mentors():
    return db.session.scalars(
        select(MentorParticipation).join(MentorParticipation.person).join(MentorParticipation.program_year)
        .where(Person.category == PersonCategory.STUDENT, ProgramYear.status == ProgramYearStatus.OPEN,
               MentorParticipation.status.in_([MentorStatus.REGISTERED, MentorStatus.COMPLETED]))
        .options(selectinload(MentorParticipation.person).selectinload(Person.representatives),
                 selectinload(MentorParticipation.program_year))
        .order_by(Person.search_name)).all()


def _parent_options():
    """One choice per parent: "<mentor participation id>-<representative id>"."""
    return [(f"{mentor.id}-{parent.id}",
             f"{parent.full_name} ({parent.relation.label}) — наставник {mentor.person.full_name}, "
             f"{mentor.program_year.title}")
            for mentor in _student_mentors() for parent in mentor.person.representatives]


def fill_letter(ids):
    mentor_id, parent_id = (int(part) for part in ids[0].split("-"))
    mentor = db.session.get(MentorParticipation, mentor_id)
    parent = db.session.get(LegalRepresentative, parent_id)
    student = mentor.person
    group = f"группы {student.study_group}" if student.study_group else ""
    values = {"parent": parent, "student": student, "student_group": group, "academic_year": mentor.program_year.title}
    if mentor.results:
        values["achievements"] = mentor.results  # else the secretary writes what the letter thanks for
    return Prefill(values=values,
                   subjects=[Subject("person", student.id, "mentor", student.short_name),
                             Subject("legal_representative", parent.id, "parent", parent.short_name)])


LETTER = PrefillProvider(
    "student_mentor_parent", "Родитель наставника-обучающегося", _parent_options, fill_letter,
    help="Наставники-обучающиеся текущих учебных годов и их законные представители.")


# --- awards (section 9) ---------------------------------------------------------------------------------

def _award_options():
    mentors = db.session.scalars(
        select(MentorParticipation).join(MentorParticipation.person).join(MentorParticipation.program_year)
        .where(MentorParticipation.status.in_([MentorStatus.REGISTERED, MentorStatus.COMPLETED]),
               ProgramYear.status == ProgramYearStatus.OPEN)
        .options(selectinload(MentorParticipation.person), selectinload(MentorParticipation.program_year))
        .order_by(Person.search_name)).all()
    return [(str(m.id), f"{m.person.full_name}, наставник ({m.program_year.title})") for m in mentors]


def fill_awards(ids):
    """Mentors to be thanked; the kind of award and the merit are the director's to write."""
    mentors = db.session.scalars(select(MentorParticipation).where(
        MentorParticipation.id.in_([int(i) for i in ids]))).all()
    rows = [{"name": m.person.full_name, "role": f"наставник, {m.person.study_or_position}".rstrip(", "),
             "award": "объявить благодарность",
             "merit": m.results or "за активное участие в Программе наставничества"} for m in mentors]
    values = {"awardees": rows}
    if mentors:
        values["academic_year"] = mentors[0].program_year.title
    return Prefill(values=values, subjects=[_person_subject(m.person, "awardee") for m in mentors])


YEAR_HELP = "Строки заполнятся из баз выбранного учебного года; их можно поправить перед выпуском."

register_prefill("mentee_base", PrefillProvider(
    "year_base", "База наставляемых учебного года", year_options, fill_mentee_base, help=YEAR_HELP))
register_prefill("mentor_base", PrefillProvider(
    "year_base", "База наставников учебного года", year_options, fill_mentor_base, help=YEAR_HELP))
register_prefill("letter_of_thanks", LETTER)
register_prefill("order_awards", PrefillProvider(
    "mentors", "Наставники текущих учебных годов", _award_options, fill_awards, multiple=True))

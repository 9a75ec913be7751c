"""The rules of the bases and of pairing, each named by its section of the regulation."""
from datetime import date

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.bases import services
from app.bases.models import MenteeStatus, MentorStatus
from app.core.errors import RuleError
from app.extensions import db
from app.pairs.rules import max_simultaneous
from app.people.categories import MenteeCategory, MentorCategory, PersonCategory
from tests.factories import ENTRY


def refused(section, call, *args, **kwargs):
    with pytest.raises(RuleError) as error:
        call(*args, **kwargs)
    assert error.value.section == section, error.value
    db.session.rollback()
    return error.value


def test_students_take_part_from_15_years_2_1(bases_world):
    year = bases_world.year()
    young = bases_world.person(birth_date=date(2011, 10, 1), with_representative=True)
    error = refused("2.1", bases_world.mentee, person=young, year=year, entry_date=date(2026, 9, 30))
    assert "15 лет" in error.message
    assert bases_world.mentee(person=young, year=year, entry_date=date(2026, 10, 1)).entry_date == date(2026, 10, 1)


def test_a_graduate_cannot_be_a_mentee_4_3(bases_world):
    year = bases_world.year()
    graduate = bases_world.person(category=PersonCategory.GRADUATE, birth_date=date(2003, 1, 1))
    refused("4.3", bases_world.mentee, person=graduate, year=year)


def test_a_teacher_is_a_mentee_as_a_pedagogical_worker_4_3(bases_world):
    year = bases_world.year()
    teacher = bases_world.teacher()
    refused("4.3", bases_world.mentee, person=teacher, year=year, category=MenteeCategory.STUDENT)
    mentee = bases_world.mentee(person=teacher, year=year, category=MenteeCategory.NEW_TEACHER)
    assert mentee.category == MenteeCategory.NEW_TEACHER


def test_the_mentor_category_follows_the_person_4_4(bases_world):
    year = bases_world.year()
    forms = bases_world.forms()
    teacher = bases_world.teacher()
    refused("4.4", services.add_mentor, teacher, year, mentorship_form=forms["teacher_teacher"], entry_date=ENTRY,
            competencies="x", category=MentorCategory.STUDENT)
    mentor = services.add_mentor(teacher, year, mentorship_form=forms["teacher_teacher"], entry_date=ENTRY,
                                 competencies="Опыт 20 лет")
    assert mentor.category == MentorCategory.COLLEGE_STAFF


def test_the_form_must_admit_the_mentors_category_4_4(bases_world):
    year = bases_world.year()
    error = refused("4.4", bases_world.mentor, person=bases_world.teacher(), year=year, form_code="student_student")
    assert "студент – студент" in error.message


def test_the_form_must_run_in_the_year_4_1(bases_world):
    year = bases_world.year(codes=("teacher_teacher",))
    error = refused("4.1", bases_world.mentor, year=year, form_code="student_student")
    assert "не реализуется в 2026/2027" in error.message
    forms = bases_world.forms()
    refused("4.1", bases_world.mentee, year=year, form=forms["employer_student"])


def test_a_minor_enters_only_with_a_representative_4_11(bases_world):
    year = bases_world.year()
    minor = bases_world.person(birth_date=date(2009, 12, 1))
    refused("4.11", bases_world.mentee, person=minor, year=year)
    refused("4.11", bases_world.mentor, person=minor, year=year)
    adult_on_entry = bases_world.person(birth_date=date(2008, 9, 1))
    assert bases_world.mentee(person=adult_on_entry, year=year, entry_date=date(2026, 9, 1))


def test_a_pair_is_formed_through_link_mentor_and_audited(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    services.link_mentor(mentee, mentor)
    db.session.commit()
    assert mentee.status == MenteeStatus.PAIRED and mentee.mentorship_form == mentor.mentorship_form
    assert mentor.mentees == [mentee]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pairing_formed"))
    assert event.details["mentor"] == mentor.person.full_name


def test_a_third_mentee_at_the_same_time_is_refused_4_6(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    for _ in range(2):
        services.link_mentor(bases_world.mentee(year=year, papers=True), mentor)
    third = bases_world.mentee(year=year, papers=True)
    error = refused("4.6", services.link_mentor, third, mentor)
    assert "не более двух наставляемых одновременно" in error.message
    assert third.status == MenteeStatus.WAITING


def test_a_mentee_who_finished_no_longer_counts_4_6(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    first = bases_world.mentee(year=year, papers=True)
    services.link_mentor(first, mentor)
    services.link_mentor(bases_world.mentee(year=year, papers=True), mentor)
    services.complete_mentee(first, on=date(2026, 12, 20))
    later = bases_world.mentee(year=year, entry_date=date(2027, 1, 10), papers=True)
    services.link_mentor(later, mentor)
    assert later.status == MenteeStatus.PAIRED
    refused("4.6", services.reinstate_mentee, first)


def test_overlap_counts_only_days_that_overlap():
    d = date
    window = (d(2026, 9, 1), d(2027, 6, 1))
    assert max_simultaneous([(d(2026, 9, 1), d(2026, 12, 1)), (d(2026, 12, 1), d(2027, 3, 1))], window) == 1
    assert max_simultaneous([(d(2026, 9, 1), d(2026, 12, 2)), (d(2026, 12, 1), d(2027, 3, 1))], window) == 2
    assert max_simultaneous([(d(2025, 1, 1), d(2026, 9, 1))], window) == 0


def test_a_program_longer_than_a_calendar_year_is_refused_4_7(bases_world):
    year = bases_world.year()
    error = refused("4.7", bases_world.mentee, year=year, end_date=date(2027, 9, 16))
    assert "не позднее 15.09.2027" in error.message
    mentee = bases_world.mentee(year=year, end_date=date(2027, 9, 15), papers=True)
    mentor = bases_world.mentor(year=year)
    services.link_mentor(mentee, mentor)
    refused("4.7", services.update_mentee, mentee, category=mentee.category, main_request=mentee.main_request,
            entry_date=mentee.entry_date, mentorship_form=mentee.mentorship_form, end_date=date(2027, 10, 1))


def test_pairs_are_formed_from_the_registry_4_13(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year, registered=False)
    mentee = bases_world.mentee(year=year, papers=True)
    refused("4.13", services.link_mentor, mentee, mentor)
    bases_world.papers(mentor)
    services.register_mentor(mentor, basis="Протокол комиссии № 2 от 20.09.2026", on=date(2026, 9, 20))
    services.link_mentor(mentee, mentor)
    assert mentor.status == MentorStatus.REGISTERED and mentor.registry_basis.startswith("Протокол")


def test_the_mentees_form_must_be_the_mentors_4_1(bases_world):
    year = bases_world.year()
    forms = bases_world.forms()
    mentee = bases_world.mentee(year=year, form=forms["employer_student"])
    refused("4.1", services.link_mentor, mentee, bases_world.mentor(year=year, form_code="student_student"))


def test_pairs_stay_within_a_year_and_nobody_mentors_himself(bases_world):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    later = bases_world.year("2026/2027")
    person = bases_world.person(birth_date=date(2006, 1, 1))
    mentee = bases_world.mentee(person=person, year=later)
    with pytest.raises(RuleError, match="одного учебного года"):
        services.link_mentor(mentee, bases_world.mentor(year=earlier, entry_date=date(2025, 9, 15)))
    db.session.rollback()
    with pytest.raises(RuleError, match="самому себе"):
        services.link_mentor(mentee, bases_world.mentor(person=person, year=later))


def test_one_record_per_person_and_year_in_each_base(bases_world):
    year = bases_world.year()
    person = bases_world.person()
    bases_world.mentee(person=person, year=year)
    with pytest.raises(RuleError, match="уже есть в базе наставляемых 2026/2027"):
        bases_world.mentee(person=person, year=year)


def test_entry_date_lies_within_the_year(bases_world):
    year = bases_world.year()
    with pytest.raises(RuleError, match="в пределах 2026/2027") as error:
        bases_world.mentee(year=year, entry_date=date(2027, 9, 1))
    assert error.value.field == "entry_date"


def test_statuses_move_only_from_where_they_may(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    with pytest.raises(RuleError, match="отметить прохождение"):
        services.complete_mentee(mentee, on=date(2026, 12, 1))
    services.link_mentor(mentee, mentor)
    db.session.commit()
    with pytest.raises(RuleError, match="назначить наставника"):
        mentee.pair_with(mentor)
    error = refused("4.8", services.withdraw_mentor, mentor, on=date(2026, 12, 1))
    assert mentee.person.short_name in error.message
    services.complete_mentee(mentee, on=date(2027, 5, 30))
    assert mentee.program_passed is True and mentee.end_date == date(2027, 5, 30)
    services.complete_mentor(mentor, on=date(2027, 5, 31))
    assert mentor.status == MentorStatus.COMPLETED
    services.reinstate_mentor(mentor)
    assert mentor.status == MentorStatus.REGISTERED and mentor.end_date is None


def test_a_withdrawn_mentee_keeps_his_mentor_for_history(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    services.link_mentor(mentee, mentor)
    services.withdraw_mentee(mentee, on=date(2026, 10, 1))
    assert mentee.mentor is mentor and mentee.program_passed is False
    with pytest.raises(RuleError, match="раньше даты вхождения"):
        services.withdraw_mentee(bases_world.mentee(year=year), on=date(2026, 9, 1))

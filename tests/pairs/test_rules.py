"""The rules of pairs and groups, each named by its section of the regulation (4.3, 4.6, 4.7, 4.8, 4.10, 4.13)."""
from datetime import date

import pytest

from app.bases import services as bases
from app.bases.models import MenteeParticipation, MenteeStatus
from app.core.errors import RuleError
from app.documents.links import PaperState
from app.extensions import db
from app.pairs import services
from app.pairs.models import PairingKind, PairingState
from app.people.categories import MenteeCategory, PersonCategory
from tests.factories import ENTRY


def refused(section, call, *args, **kwargs):
    with pytest.raises(RuleError) as error:
        call(*args, **kwargs)
    assert error.value.section == section, error.value
    db.session.rollback()
    return error.value


def test_a_pair_is_a_record_the_bases_read_their_columns_from(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    pairing = services.form_pair(mentee, mentor, starts_on=date(2026, 9, 20), planned_end_on=date(2027, 5, 31))
    db.session.commit()
    assert pairing.kind == PairingKind.PAIR and pairing.state == PairingState.ACTIVE
    assert [member.mentee for member in pairing.members] == [mentee]
    assert mentee.mentor is mentor and mentee.status == MenteeStatus.PAIRED  # «ФИО наставника»
    assert mentee.end_date == date(2027, 5, 31)  # «Дата завершения программы»
    assert mentor.mentees == [mentee]  # «ФИО наставляемого (наставляемых)»


def test_at_most_two_mentees_at_once_across_program_years_4_6(bases_world):
    earlier = bases_world.year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    later = bases_world.year("2026/2027")
    person = bases_world.person(birth_date=date(2004, 1, 10))
    old_row = bases_world.mentor(person=person, year=earlier, entry_date=date(2025, 9, 15))
    for _ in range(2):
        mentee = bases_world.mentee(year=earlier, entry_date=date(2025, 10, 1), papers=True)
        services.form_pair(mentee, old_row, starts_on=date(2025, 10, 1), planned_end_on=date(2026, 9, 30))
    db.session.commit()
    new_row = bases_world.mentor(person=person, year=later)
    third = bases_world.mentee(year=later, papers=True)
    error = refused("4.6", services.form_pair, third, new_row, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    assert "уже двое наставляемых" in error.message and "во всех парах и учебных годах" in error.message
    assert third.status == MenteeStatus.WAITING
    # after the earlier pairs end, the same mentor takes him
    services.form_pair(third, new_row, starts_on=date(2026, 10, 1), planned_end_on=date(2027, 5, 31))


def test_a_group_takes_more_than_two_with_everyones_signed_agreement_4_6(bases_world, secretary):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    for _ in range(2):
        services.form_pair(bases_world.mentee(year=year, papers=True), mentor)
    mentees = [bases_world.mentee(year=year, papers=True) for _ in range(3)]
    group = services.form_group(mentor, mentees, starts_on=ENTRY, planned_end_on=date(2027, 5, 31))
    db.session.commit()
    assert group.state == PairingState.FORMING and len(group.agreements) == 4  # the mentor and each mentee
    error = refused("4.6", services.start_group, group)
    assert "нет подписанного согласия" in error.message
    from tests.pairs.helpers import sign_agreements
    sign_agreements(group, secretary)
    assert all(agreement.printed_state == PaperState.SIGNED for agreement in group.agreements)
    services.start_group(group)
    assert group.state == PairingState.ACTIVE and len(mentor.mentees) == 5


def test_a_pair_lasts_at_most_one_calendar_year_4_7(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    error = refused("4.7", services.form_pair, mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 9, 16))
    assert "не позднее 15.09.2027" in error.message and "приказом о продлении" in error.message


def test_an_accountant_is_not_a_newly_hired_pedagogical_worker_4_3(bases_world):
    year = bases_world.year()
    accountant = bases_world.person(category=PersonCategory.COLLEGE_STAFF, birth_date=date(1990, 3, 3),
                                    position="бухгалтер")
    error = refused("4.3", bases_world.mentee, person=accountant, year=year, category=MenteeCategory.NEW_TEACHER)
    assert "иной сотрудник техникума" in error.message
    # a row entered before the rule was read literally cannot be paired either
    row = MenteeParticipation(person=accountant, program_year=year, category=MenteeCategory.NEW_TEACHER,
                              main_request="Освоить КТП", entry_date=ENTRY, status=MenteeStatus.WAITING)
    db.session.add(row)
    db.session.commit()
    mentor = bases_world.mentor(person=bases_world.teacher(), year=year, form_code="teacher_teacher")
    refused("4.3", services.form_pair, row, mentor)


def test_pairs_are_formed_from_the_registry_with_papers_signed_4_13(bases_world):
    year = bases_world.year()
    mentee = bases_world.mentee(year=year, papers=True)
    refused("4.13", services.form_pair, mentee, bases_world.mentor(year=year, registered=False))
    unsigned = bases_world.mentee(year=year)
    with pytest.raises(RuleError, match="не может участвовать в программе в качестве наставляемого"):
        services.form_pair(unsigned, bases_world.mentor(year=year))


def test_an_employers_pair_needs_the_agreement_in_force_on_its_dates_4_10(bases_world):
    year = bases_world.year()
    partner = bases_world.partner()
    mentor = bases_world.mentor(person=bases_world.employee(partner), year=year, form_code="employer_student")
    mentee = bases_world.mentee(year=year, papers=True)
    agreement_end = max(agreement.end_date for agreement in partner_agreements(partner))
    assert agreement_end < date(2027, 6, 30)
    error = refused("4.10", services.form_pair, mentee, mentor, starts_on=ENTRY, planned_end_on=date(2027, 6, 30))
    assert "соглашение о наставничестве" in error.message
    pairing = services.form_pair(mentee, mentor, starts_on=ENTRY, planned_end_on=min(agreement_end, year.end_date))
    assert pairing.planned_end_on <= agreement_end


def partner_agreements(partner):
    from sqlalchemy import select

    from app.partners.models import Agreement
    return db.session.scalars(select(Agreement).where(Agreement.partner_id == partner.id)).all()


def test_completing_in_the_base_completes_the_pair(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    pairing = bases.link_mentor(mentee, mentor)
    bases.complete_mentee(mentee, on=date(2027, 5, 20))
    assert pairing.state == PairingState.COMPLETED and pairing.ended_on == date(2027, 5, 20)
    assert pairing.members[0].left_on == date(2027, 5, 20)


def test_a_pair_entered_by_mistake_is_undone_and_the_mentee_waits_again(bases_world):
    year = bases_world.year()
    mentor = bases_world.mentor(year=year)
    mentee = bases_world.mentee(year=year, papers=True)
    bases.link_mentor(mentee, mentor)
    bases.unlink_mentor(mentee)
    db.session.commit()
    assert mentee.status == MenteeStatus.WAITING and mentee.mentor is None and mentor.mentees == []

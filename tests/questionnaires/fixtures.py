"""A year with the seeded questionnaires, a curator, participants; helpers to send a questionnaire and answer it.
Importable by the browser tests and the role matrix."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.core.formatting import local_today
from app.core.roles import Role
from app.extensions import db
from app.pairs.models import Pairing, PairingKind, PairingMember, PairingState
from app.questionnaires import answering, links
from app.questionnaires.models import AnswerKind, Questionnaire
from app.questionnaires.services import ensure_standard_questionnaires
from tests import factories


def questionnaire(code):
    ensure_standard_questionnaires()
    return db.session.scalar(select(Questionnaire).where(Questionnaire.code == code))


def send(code, actor, *, year=None, phase="start", target="form", form=None, days=14, **kwargs):
    """Send the questionnaire ``code`` to its form's participants of ``year`` (committed); the Sent result."""
    found = questionnaire(code)
    year = year or factories.make_year()
    if target == "form" and form is None:
        form = found.mentorship_form
    sent = links.send(found, year=year, phase=phase, target=target, expires_on=local_today() + timedelta(days=days),
                      actor=actor, form=form, **kwargs)
    db.session.commit()
    return sent


def full_answers(version, scale=7, yes=1, frequency=2, text="Хочу научиться новому"):
    """A posted form answering every question of ``version``."""
    values = {AnswerKind.SCALE: scale, AnswerKind.YES_NO: yes, AnswerKind.FREQUENCY: frequency}
    return {question.field_name: str(values.get(question.kind, text)) for question in version.questions}


def answer(invitation, **kwargs):
    response = answering.submit(invitation, full_answers(invitation.dispatch.version, **kwargs))
    db.session.commit()
    return response


def make_pairing(mentor, mentees, kind=PairingKind.PAIR):
    pairing = Pairing(kind=kind, program_year_id=mentor.program_year_id, mentorship_form_id=mentor.mentorship_form_id,
                      mentor=mentor, starts_on=mentor.entry_date,
                      planned_end_on=mentor.entry_date + timedelta(days=200), state=PairingState.ACTIVE)
    pairing.members = [PairingMember(mentee=mentee, joined_on=mentor.entry_date) for mentee in mentees]
    db.session.add(pairing)
    db.session.commit()
    return pairing


@pytest.fixture
def curator(make_user):
    return make_user(Role.CURATOR, email="curator@quest.test", last_name="Кураторова")


@pytest.fixture
def quest(app, curator):
    """The year 2026/2027 with two mentees and a mentor of «студент – студент» and a mentee of «преподаватель –
    преподаватель»; the seeded questionnaires."""
    ensure_standard_questionnaires()
    year = factories.make_year()
    forms = factories.standard_forms()

    class Quest:
        pass

    world = Quest()
    world.year, world.forms, world.curator = year, forms, curator
    world.mentees = [factories.make_mentee(person=factories.make_person(last_name=name), year=year,
                                           form=forms["student_student"]) for name in ("Антонов", "Борисов")]
    world.teacher_mentee = factories.make_mentee(person=factories.make_teacher(last_name="Учителева",
                                                                             first_name="Ольга", middle_name="Петровна",
                                                                             gender="female"),
                                                 year=year, category="new_teacher", form=forms["teacher_teacher"])
    db.session.commit()
    return world

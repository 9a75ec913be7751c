"""Demo questionnaires: the curator sent the start-of-program questionnaires of the current year to the mentees and
mentors of each form; about two thirds answered through their links, one on paper; the rest have links to hand out."""
import random
from datetime import timedelta

from app.core.errors import RuleError
from app.core.formatting import local_today
from app.extensions import db
from app.questionnaires import answering, links
from app.questionnaires.models import AnswerKind
from app.questionnaires.services import ensure_standard_questionnaires, questionnaires_for

FREE_ANSWERS = ["Научиться работать в команде", "Поддержку в учёбе и практике", "Опыт настоящего производства",
                "Понять, как планировать своё время", "Новые знакомства", "Советы опытного человека"]


def seed(context):
    ensure_standard_questionnaires()
    year, curator = context.data["current_year"], context.users["curator"]
    rng = random.Random(14)
    expires = max(local_today(), year.start_date) + timedelta(days=30)
    answered = 0
    for questionnaire in questionnaires_for():
        if questionnaire.mentorship_form is None or not year.runs(questionnaire.mentorship_form):
            continue
        try:
            sent = links.send(questionnaire, year=year, phase="start", target="form",
                              form=questionnaire.mentorship_form, expires_on=expires, actor=curator)
        except RuleError:
            continue  # nobody of that form in the demo
        db.session.flush()
        for number, invitation in enumerate(sent.dispatch.invitations):
            if number % 3 == 2:
                continue  # a link still to hand out
            answering.submit(invitation, _answers(invitation.dispatch.version, rng), on_paper=number == 1,
                             actor=curator if number == 1 else None)
            answered += 1
    db.session.commit()
    context.data["questionnaire_answers"] = answered


def _answers(version, rng):
    values = {}
    for question in version.questions:
        if question.kind == AnswerKind.SCALE:
            values[question.field_name] = str(rng.choice([5, 6, 7, 7, 8, 8, 9, 10]))
        elif question.kind == AnswerKind.YES_NO:
            values[question.field_name] = str(rng.choice([1, 1, 1, 0]))
        elif question.kind == AnswerKind.FREQUENCY:
            values[question.field_name] = str(rng.choice([1, 2, 2, 3]))
        elif question.position > 2:
            values[question.field_name] = rng.choice(FREE_ANSWERS)
    return values

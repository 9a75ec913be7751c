"""Expected access: the questionnaires. The administrator edits them; the curator sends them and withdraws a
dispatch; the curator and staff print the links and type in answers from paper; the readers of the bases read the
results; the participant's page opens with his link, without an account."""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, PUBLIC, Access, roles

READ = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR, Role.ADMIN)
RESULTS = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
ADMIN = roles(Role.ADMIN)
CURATOR = roles(Role.CURATOR)
LINKS = roles(Role.CURATOR, Role.STAFF)


def post(path, who):
    return Access(path, who, method="POST", allowed_status=NOT_REFUSED)


RULES = {
    "questionnaires.questionnaire_list": Access("/questionnaires/", READ),
    "questionnaires.questionnaire_new": Access("/questionnaires/new", ADMIN),
    "questionnaires.questionnaire_view": Access("/questionnaires/{questionnaire_id}", READ),
    "questionnaires.questionnaire_edit": Access("/questionnaires/{questionnaire_id}/edit", ADMIN),
    "questionnaires.question_new": Access("/questionnaires/{questionnaire_id}/questions/new", ADMIN),
    "questionnaires.question_edit": Access("/questionnaires/{questionnaire_id}/questions/{question_id}/edit", ADMIN),
    "questionnaires.question_delete": post("/questionnaires/{questionnaire_id}/questions/{question_id}/delete", ADMIN),
    "questionnaires.dispatch_new": Access("/questionnaires/{questionnaire_id}/send", CURATOR),
    "questionnaires.dispatch_list": Access("/questionnaires/dispatches/", LINKS),
    "questionnaires.dispatch_view": Access("/questionnaires/dispatches/{dispatch_id}", LINKS),
    "questionnaires.dispatch_print": Access("/questionnaires/dispatches/{dispatch_id}/print", LINKS),
    "questionnaires.dispatch_withdraw": post("/questionnaires/dispatches/{dispatch_id}/withdraw", CURATOR),
    "questionnaires.invitation_qr": Access("/questionnaires/invitations/{invitation_id}/qr.svg", LINKS),
    "questionnaires.paper_entry": Access("/questionnaires/invitations/{invitation_id}/paper", LINKS),
    "questionnaires.questionnaire_results": Access("/questionnaires/{questionnaire_id}/results", RESULTS),
    "questionnaires.questionnaire_results_xlsx": Access("/questionnaires/{questionnaire_id}/results.xlsx", RESULTS),
    "questionnaires.answer": Access("/a/{answer_token}", PUBLIC),
}


def seed(world):
    """The seeded questionnaires, a mentee of the bases' year, a dispatch of his form's questionnaire, his link."""
    from datetime import timedelta

    from sqlalchemy import select

    from app.core.formatting import local_today
    from app.extensions import db
    from app.questionnaires import links
    from app.questionnaires.models import Questionnaire
    from app.questionnaires.services import ensure_standard_questionnaires
    from tests import factories

    ensure_standard_questionnaires()
    questionnaire = db.session.scalar(select(Questionnaire).where(Questionnaire.code == "p7_mentee"))
    from app.programs.models import ProgramYear

    year = db.session.get(ProgramYear, world["year_id"])  # the bases' table seeds it first
    factories.make_mentee(year=year, form=factories.standard_forms()["student_student"])
    sent = links.send(questionnaire, year=year, phase="start", target="form", form=questionnaire.mentorship_form,
                      expires_on=local_today() + timedelta(days=30), actor=world["users"][Role.CURATOR])
    db.session.commit()
    invitation = sent.dispatch.invitations[0]
    world.update(questionnaire_id=questionnaire.id, question_id=questionnaire.current_version.questions[0].id,
                 dispatch_id=sent.dispatch.id, invitation_id=invitation.id, answer_token=links.token_of(invitation))

"""The world the accessibility checks walk through: the demo college, plus the states the demo does not leave
behind (an open meeting with a candidate to score, a ZIP of the register, an Excel upload with a bad row)."""
from datetime import timedelta

from app.extensions import db

DEMO_PASSWORD = "demo-parol-2026"
#: The demo account that looks at the pages of each role (app/accounts/demo.py).
ACCOUNTS = {"admin": "admin@kmt.example", "director": "director@kmt.example", "curator": "curator@kmt.example",
            "secretary": "secretary@kmt.example", "staff": "staff@kmt.example",
            "commission": "commission@kmt.example", "mentor": "mentor@kmt.example"}


def seed_world(app):
    """The demo college and the extra states; PDFs made by a fake converter, ZIPs built at once."""
    from app.demo import run_seeders
    from app.documents.pdf import EXTENSION_KEY
    from tests.documents.fixtures import FakeConverter

    app.extensions[EXTENSION_KEY] = FakeConverter()
    app.config["DOCUMENTS_BACKGROUND_JOBS"] = False
    context = run_seeders(DEMO_PASSWORD)
    db.session.commit()
    _meetings(context.users)
    _nomination_ready_for_its_orders(context.users["secretary"])
    _archive(context.users["secretary"])
    _upload(context.users["staff"])
    return context


def _meetings(users):
    """A closed meeting whose selected candidate awaits the registry order, then an open one with a candidate on its
    agenda (the curator, a member, sees the review form), and an application still to sign."""
    from app.selection import reviews
    from app.selection.commission import close_meeting

    closed, item = _meeting_with_candidate(users, "Отобранов", days=25)
    for member in closed.present:
        reviews.save_review(item, member.user, scores={c.id: 2 for c in reviews.criteria_of(item)}, vote="for")
    close_meeting(closed, actor=users["secretary"])
    db.session.commit()
    _meeting_with_candidate(users, "Доступнов", days=30)
    _unsigned_application(users)


def _meeting_with_candidate(users, last_name, days):
    from app.applications.services import application_of
    from app.programs.services import current_year
    from app.selection import agenda, commission
    from tests.factories import give_candidate_papers, make_teacher

    year = current_year()
    composition = commission.current_commission(year)
    meeting = commission.open_meeting(composition, meeting_date=year.start_date + timedelta(days=days),
                                      actor=users["secretary"], present_users=[m.user for m in composition.members])
    db.session.commit()
    person = make_teacher(last_name=last_name, first_name="Артём", middle_name="Ильич")
    give_candidate_papers(person, year, "teacher_teacher", on=year.start_date + timedelta(days=14))
    [item] = agenda.add_to_agenda(meeting, [application_of(person, year)], actor=users["secretary"])
    db.session.commit()
    return meeting, item


def _unsigned_application(users):
    from app.applications import services
    from app.programs.services import current_year
    from tests.factories import make_teacher, standard_forms

    year = current_year()
    person = make_teacher(last_name="Заявкин", first_name="Пётр", middle_name="Ильич")
    on = year.start_date + timedelta(days=10)
    services.submit_application(person, year, users["staff"], **{
        **services.default_values(person, year), "mentorship_form": standard_forms()["teacher_teacher"],
        "portfolio_pages": 5, "regulation_acknowledged": True, "personal_data_consent": True, "applied_on": on,
        "personal_data_consent_on": on, "email": "zayavkin@kmt.example"})
    db.session.commit()


def _nomination_ready_for_its_orders(secretary):
    """The administration's nomination with its order issued and its approval sheet signed: the registry order
    without the commission (4.13) can be issued from it."""
    from app.applications.models import Nomination, NominationKind
    from app.applications.paperwork import scan_file
    from app.documents.scans import file_signed_scan
    from app.documents.services import issue_draft

    nomination = db.session.scalar(db.select(Nomination).where(Nomination.kind == NominationKind.ADMINISTRATION))
    issue_draft(nomination.order_document, secretary)
    file_signed_scan(nomination.approval_sheet, scan_file("лист согласования.png"), secretary)
    db.session.commit()


def _archive(secretary):
    from app.documents.archives import build_archive, request_archive
    from app.documents.models import Document

    ids = list(db.session.scalars(db.select(Document.id).limit(3)))
    job = request_archive(ids, secretary, "Документы")
    db.session.commit()
    build_archive(job.id)


def _upload(staff):
    from app.excel import services
    from app.programs.services import current_year
    from tests.excel.workbooks import headings, row, xlsx

    data = xlsx(headings("mentees"), [row("mentees", last_name="Пробный", first_name="Олег", birth_date="31.02.2007")])
    services.store_upload(kind="mentees", year=current_year(), filename="наставляемые.xlsx", data=data, user=staff)
    db.session.commit()

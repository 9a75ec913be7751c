"""Expected access: participants' papers (consents, candidates' applications, nominations, files, the gaps list)
and partner agreements.

Staff and the curator enter applications, nominations, consents and agreements and withdraw consents; the
secretary, staff and the curator print papers and file scans and files; the secretary alone issues a numbered
agreement; the director reads. Commission members and the administrator see none of it here.
"""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, Access, roles

READ = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
EDIT = roles(Role.CURATOR, Role.STAFF)
PAPERS = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY)
SECRETARY = roles(Role.SECRETARY)


def post(path, who):
    return Access(path, who, method="POST", allowed_status=NOT_REFUSED)


RULES = {
    "consents.consent_new": Access("/consents/new?person_id={adult_id}&kind=personal_data&role=mentee", PAPERS),
    "consents.consent_quick": post("/consents/quick?person_id={adult_id}&kind=personal_data&role=mentee", PAPERS),
    "consents.consent_view": Access("/consents/{consent_id}", READ),
    "consents.consent_withdraw": post("/consents/{consent_id}/withdraw", EDIT),

    "applications.application_list": Access("/applications/", READ),
    "applications.application_new": Access("/applications/new?person_id={adult_id}", EDIT),
    "applications.application_view": Access("/applications/{application_id}", READ),
    "applications.application_edit": Access("/applications/{application_id}/edit", EDIT),
    "applications.application_withdraw": post("/applications/{application_id}/withdraw", EDIT),
    "applications.application_reinstate": post("/applications/{application_id}/reinstate", EDIT),
    "applications.nomination_list": Access("/applications/nominations/", READ),
    "applications.nomination_new": Access("/applications/nominations/new", EDIT),
    "applications.nomination_view": Access("/applications/nominations/{nomination_id}", READ),
    "applications.presentation_upload": post("/applications/nominations/{collective_nomination_id}/presentation",
                                             PAPERS),
    "applications.presentation_download": Access("/applications/nominations/presentations/{presentation_scan_id}",
                                                 READ),
    "applications.gaps": Access("/applications/papers/", READ),
    "applications.paper_scan": post("/applications/papers/consent/{consent_id}/scan", PAPERS),
    "applications.file_upload": post("/applications/files/new?person_id={adult_id}&year_id={year_id}&kind=portfolio",
                                     PAPERS),
    "applications.file_download": Access("/applications/files/{file_id}", READ),

    "partners.agreement_new": Access("/partners/{partner_id}/agreements/new", EDIT),
    "partners.agreement_view": Access("/partners/agreements/{agreement_id}", READ),
    "partners.agreement_edit": Access("/partners/agreements/{agreement_id}/edit", EDIT),
    "partners.agreement_print": post("/partners/agreements/{agreement_id}/print", SECRETARY),
    "partners.agreement_terminate": post("/partners/agreements/{agreement_id}/terminate", EDIT),
}


def seed(world):
    """An adult candidate with an unsigned application, its portfolio and a consent; a nomination by the
    administration, and a collective's with its signed представление; a draft agreement."""
    from datetime import date

    from app.applications import attachments, nominations, services
    from app.applications.paperwork import scan_file
    from app.consents.services import print_consent
    from app.extensions import db
    from app.partners import agreements
    from tests import factories

    # The bases' table makes the current year; these papers belong to the year before it.
    year = factories.make_year("2025/2026", start=date(2025, 9, 1), end=date(2026, 8, 31))
    secretary = world["users"][Role.SECRETARY]
    adult = factories.make_person(last_name="Взрослов", birth_date=date(1990, 1, 1), category="teacher",
                                  position="преподаватель")
    forms = factories.standard_forms()
    application = services.submit_application(adult, year, secretary, mentorship_form=forms["teacher_teacher"],
                                              **{**services.default_values(adult, year), "portfolio_pages": 3,
                                                 "regulation_acknowledged": True, "personal_data_consent": True,
                                                 "email": "vzroslov@kmt.test", "applied_on": date(2025, 9, 10),
                                                 "personal_data_consent_on": date(2025, 9, 10)})
    portfolio = attachments.add_file(adult, year, "portfolio", None, scan_file("портфолио.png"), secretary)
    consent = print_consent("personal_data", adult, secretary, role="candidate")
    nomination = nominations.nominate("administration", year, world["users"][Role.CURATOR],
                                      curator=world["users"][Role.CURATOR], on=date(2025, 9, 5),
                                      candidates=[(factories.make_teacher(last_name="Выдвиженцев"),
                                                   forms["teacher_teacher"])])
    collective = nominations.nominate("collective", year, world["users"][Role.STAFF], on=date(2025, 9, 6),
                                      nominated_by="методического совета", presentation="Просим выдвинуть.",
                                      candidates=[(factories.make_teacher(last_name="Представленцев"),
                                                   forms["teacher_teacher"])])
    presentation = nominations.file_presentation(collective, scan_file("представление.png"), secretary)
    partner = factories.make_partner()
    agreement = agreements.create_agreement(partner, secretary, **agreements.default_values(partner))
    db.session.commit()
    world.update(adult_id=adult.id, year_id=year.id, consent_id=consent.id, application_id=application.id,
                 nomination_id=nomination.id, partner_id=partner.id, agreement_id=agreement.id, file_id=portfolio.id,
                 collective_nomination_id=collective.id, presentation_scan_id=presentation.id)

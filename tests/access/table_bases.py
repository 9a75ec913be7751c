"""Expected access: program years, forms of mentorship, people, partners, the bases, Excel.

Personal data: curator and staff keep it, secretary and director read it, commission members and
the administrator do not see it; the curator alone pairs and moves statuses; the administrator
manages the forms of mentorship (docs/design.md "Who uses it", "Personal data").
"""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, Access, roles

READ = roles(Role.CURATOR, Role.STAFF, Role.SECRETARY, Role.DIRECTOR)
EDIT = roles(Role.CURATOR, Role.STAFF)
CURATOR = roles(Role.CURATOR)
ADMIN = roles(Role.ADMIN)


def post(path, who):
    return Access(path, who, method="POST", allowed_status=NOT_REFUSED)


RULES = {
    "programs.year_list": Access("/programs/years/", READ),
    "programs.year_new": Access("/programs/years/new", CURATOR),
    "programs.year_view": Access("/programs/years/{year_id}", READ),
    "programs.year_edit": Access("/programs/years/{year_id}/edit", CURATOR),
    "programs.year_stage": post("/programs/years/{year_id}/stage", CURATOR),
    "programs.year_action": post("/programs/years/{year_id}/current", CURATOR),
    "programs.form_list": Access("/admin/mentorship-forms/", roles(Role.ADMIN, Role.CURATOR)),
    "programs.form_new": Access("/admin/mentorship-forms/new", ADMIN),
    "programs.form_edit": Access("/admin/mentorship-forms/{form_id}/edit", ADMIN),

    "people.person_list": Access("/people/", READ),
    "people.person_new": Access("/people/new", EDIT),
    "people.person_view": Access("/people/{person_id}", READ),
    "people.person_edit": Access("/people/{person_id}/edit", EDIT),
    "people.person_name_forms": Access("/people/{person_id}/name-forms", EDIT),
    "people.representative_new": Access("/people/{person_id}/representatives/new", EDIT),
    "people.representative_edit": Access("/people/{person_id}/representatives/{representative_id}/edit", EDIT),
    "people.representative_name_forms": Access(
        "/people/{person_id}/representatives/{representative_id}/name-forms", EDIT),
    "people.representative_delete": post("/people/{person_id}/representatives/{representative_id}/delete", EDIT),

    "partners.partner_list": Access("/partners/", READ),
    "partners.published_list": Access("/partners/social-partners", READ),
    "partners.partner_new": Access("/partners/new", EDIT),
    "partners.partner_view": Access("/partners/{partner_id}", READ),
    "partners.partner_edit": Access("/partners/{partner_id}/edit", EDIT),
    "partners.head_name_forms": Access("/partners/{partner_id}/head-name-forms", EDIT),

    "bases.mentee_list": Access("/bases/mentees/", READ),
    "bases.mentee_new": Access("/bases/mentees/new?person_id={person_id}", EDIT),
    "bases.mentee_view": Access("/bases/mentees/{mentee_id}", READ),
    "bases.mentee_edit": Access("/bases/mentees/{mentee_id}/edit", EDIT),
    "bases.mentee_link": Access("/bases/mentees/{mentee_id}/mentor", CURATOR),
    "bases.mentee_unlink": post("/bases/mentees/{mentee_id}/unlink", CURATOR),
    "bases.mentee_status": post("/bases/mentees/{mentee_id}/status/withdraw", CURATOR),
    "bases.mentor_list": Access("/bases/mentors/", READ),
    "bases.mentor_new": Access("/bases/mentors/new?person_id={person_id}", EDIT),
    "bases.mentor_view": Access("/bases/mentors/{mentor_id}", READ),
    "bases.mentor_edit": Access("/bases/mentors/{mentor_id}/edit", EDIT),
    "bases.mentor_register": post("/bases/mentors/{mentor_id}/registry", CURATOR),
    "bases.mentor_status": post("/bases/mentors/{mentor_id}/status/withdraw", CURATOR),

    "excel.export": Access("/excel/export/mentees.xlsx", READ),
    "excel.import_template": Access("/excel/templates/mentees.xlsx", EDIT),
    "excel.import_upload": Access("/excel/import", EDIT),
    "excel.import_preview": Access("/excel/import/{batch_id}", EDIT),
    "excel.import_confirm": post("/excel/import/{batch_id}/confirm", EDIT),
    "excel.import_discard": post("/excel/import/{batch_id}/discard", EDIT),
}


def seed(world):
    """A year, a minor student with his mother, a mentee and a registered mentor, a partner, an upload."""
    from app.core import storage
    from app.excel.models import ImportBatch, ImportKind
    from app.excel.workbook import XLSX_CONTENT_TYPE
    from app.extensions import db
    from tests import factories

    year = factories.make_year()
    person = factories.make_person(with_representative=True)
    mentee = factories.make_mentee(person=person, year=year)
    mentor = factories.make_mentor(year=year)
    partner = factories.make_partner()
    # The matrix's staff user uploaded it; the curator may finish anyone's upload; other roles are refused.
    staff = world["users"][Role.STAFF]
    blob = storage.save_bytes(b"PK placeholder", "imports", ".xlsx")
    batch = ImportBatch(kind=ImportKind.PEOPLE, uploaded_by_id=staff.id, original_name="люди.xlsx",
                        content_type=XLSX_CONTENT_TYPE)
    batch.attach(blob)
    db.session.add(batch)
    db.session.commit()
    world.update(year_id=year.id, form_id=year.forms[0].id, person_id=person.id, mentee_id=mentee.id,
                 mentor_id=mentor.id, partner_id=partner.id, representative_id=person.representatives[0].id,
                 batch_id=batch.id)

"""Expected access: the criteria of Приложение 1 (the administrator keeps them, the curator reads them); the
commission: the secretary runs its meetings and issues their papers, the members of the composition (the matrix's
commission member is one) review and vote, the director and the curator follow; the curator sees the progress."""
from app.core.roles import Role
from tests.access.rules import NOT_REFUSED, Access, roles

RULES = {
    "selection.criteria_list": Access("/admin/selection-criteria/", roles(Role.ADMIN, Role.CURATOR)),
    "selection.criterion_new": Access("/admin/selection-criteria/new", roles(Role.ADMIN)),
    "selection.criterion_edit": Access("/admin/selection-criteria/{criterion_id}/edit", roles(Role.ADMIN)),
}


def seed(world):
    from app.extensions import db
    from app.selection.models import SelectionCriterion
    from app.selection.services import ensure_standard_criteria

    ensure_standard_criteria()
    db.session.commit()
    world["criterion_id"] = db.session.scalar(db.select(SelectionCriterion.id).limit(1))
    seed_commission(world)


SELECTION_VIEWERS = roles(Role.SECRETARY, Role.DIRECTOR, Role.CURATOR, Role.COMMISSION)

RULES.update({
    "selection.commission_view": Access("/selection/commission", SELECTION_VIEWERS),
    "selection.commission_new": Access("/selection/commission/new?year={year_id}", roles(Role.SECRETARY)),
    "selection.meeting_new": Access("/selection/commission/{commission_id}/meetings/new", roles(Role.SECRETARY)),
    # Each matrix user holds one role: the commission member is on the composition, so he may look.
    "selection.meeting_view": Access("/selection/meetings/{meeting_id}", SELECTION_VIEWERS),
    "selection.meeting_attendance": Access("/selection/meetings/{meeting_id}/attendance", roles(Role.SECRETARY),
                                           method="POST", allowed_status=NOT_REFUSED),
    "selection.meeting_close": Access("/selection/meetings/{meeting_id}/close", roles(Role.SECRETARY),
                                      method="POST", allowed_status=NOT_REFUSED),
    "selection.meeting_agenda": Access("/selection/meetings/{meeting_id}/agenda", roles(Role.SECRETARY)),
    "selection.candidate_remove": Access("/selection/meetings/{meeting_id}/candidates/{item_id}/remove",
                                         roles(Role.SECRETARY), method="POST", allowed_status=NOT_REFUSED),
    "selection.candidate_view": Access("/selection/meetings/{meeting_id}/candidates/{item_id}", SELECTION_VIEWERS),
    # The matrix's director holds no seat on this composition: only its members review.
    "selection.candidate_review": Access("/selection/meetings/{meeting_id}/candidates/{item_id}/review",
                                         roles(Role.COMMISSION), method="POST", allowed_status=NOT_REFUSED),
    "selection.candidate_paper_download": Access(
        "/selection/meetings/{meeting_id}/candidates/{item_id}/files/{portfolio_id}", SELECTION_VIEWERS),
    "selection.meeting_paper": Access("/selection/meetings/{meeting_id}/papers/{protocol_id}.docx",
                                      SELECTION_VIEWERS),
    "selection.meeting_registry": Access("/selection/meetings/{meeting_id}/registry", roles(Role.SECRETARY)),
    "selection.curator_order": Access("/selection/meetings/{meeting_id}/candidates/{item_id}/curator-order",
                                      roles(Role.SECRETARY), method="POST", allowed_status=NOT_REFUSED),
    "selection.progress": Access("/selection/progress", SELECTION_VIEWERS),
    # A nomination's orders without the commission (4.13): the secretary issues them; a nomination not ready yet
    # sends him back to its page.
    "selection.nomination_registry": Access("/selection/nominations/{nomination_id}/registry", roles(Role.SECRETARY),
                                            allowed_status=NOT_REFUSED),
    "selection.nomination_curator_order": Access("/selection/nominations/{nomination_id}/curator-order",
                                                 roles(Role.SECRETARY), method="POST", allowed_status=NOT_REFUSED),
    "selection.commission_order": Access("/selection/commissions/{commission_id}/order.docx", SELECTION_VIEWERS),
})


def seed_commission(world):
    """A composition of the matrix's director, curator and commission member; its meeting decided on one candidate
    (every paper of his signed), all three voting «за», and closed: the protocol issued, the registry order due."""
    from datetime import date, timedelta

    from app.applications.services import application_of
    from app.extensions import db
    from app.programs.services import current_year
    from app.selection import agenda, commission, reviews
    from app.selection.candidate_file import candidate_file
    from app.selection.models import CommissionRole
    from tests.factories import give_candidate_papers, make_teacher, make_year

    users = world["users"]
    director = world["make_user"](Role.DIRECTOR, Role.COMMISSION, email="chair@matrix.test")
    curator = world["make_user"](Role.CURATOR, Role.COMMISSION, email="curator-member@matrix.test")
    for user in (director, curator, users[Role.COMMISSION]):
        user.position = "преподаватель"
    year = current_year() or make_year()
    composition = commission.form_commission(
        year, [(director, CommissionRole.CHAIR), (curator, CommissionRole.MEMBER),
               (users[Role.COMMISSION], CommissionRole.MEMBER)],
        order_date=date(2026, 9, 1), selection_deadline=date(2026, 9, 25), actor=users[Role.SECRETARY])
    meeting = commission.open_meeting(composition, meeting_date=date(2026, 9, 20), actor=users[Role.SECRETARY],
                                      present_users=[director, curator, users[Role.COMMISSION]])
    db.session.commit()
    person = make_teacher(last_name="Матрицын")
    give_candidate_papers(person, year, "teacher_teacher", on=year.start_date + timedelta(days=14))
    [item] = agenda.add_to_agenda(meeting, [application_of(person, year)], actor=users[Role.SECRETARY])
    for member in (director, curator, users[Role.COMMISSION]):
        reviews.save_review(item, member, scores={c.id: 2 for c in reviews.criteria_of(item)}, vote="for")
    protocol = commission.close_meeting(meeting, actor=users[Role.SECRETARY])
    db.session.commit()
    file = candidate_file(item)
    world.update(year_id=year.id, commission_id=composition.id, meeting_id=meeting.id, item_id=item.id,
                 protocol_id=protocol.id, portfolio_id=next(row.id for _, _, rows in file.entries for row in rows))

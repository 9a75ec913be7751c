"""The selection commission (4.13): its composition by a director's order, its meetings, its quorum and
how a vote decides. Candidates (app.selection.agenda), reviews and votes (app.selection.reviews) hang on the
meetings kept here; closing one records the decisions and issues the protocol (app.selection.decisions)."""
from dataclasses import dataclass

from sqlalchemy import select

from app.accounts.models import User, UserRole
from app.audit import services as audit
from app.core.errors import RuleError
from app.core.roles import Role
from app.core.types import utcnow
from app.documents.prefill import Subject
from app.documents.services import issue_document
from app.extensions import db
from app.selection.models import Commission, CommissionMeeting, CommissionMember, CommissionRole, Vote

MIN_MEMBERS, MAX_MEMBERS = 3, 5


def current_commission(year):
    """The composition in force for the program year, or None before the first order."""
    return db.session.scalar(select(Commission).where(Commission.program_year_id == year.id,
                                                      Commission.superseded_by_id.is_(None)))


def compositions(year):
    """Every composition of the year, newest first: the history of its orders."""
    return db.session.scalars(select(Commission).where(Commission.program_year_id == year.id)
                              .order_by(Commission.id.desc())).all()


def eligible_users():
    """Active accounts that may sit on the commission: the role «член комиссии» is what lets them in."""
    return db.session.scalars(select(User).where(User.active.is_(True), User.role_rows.any(
        UserRole.role == Role.COMMISSION)).order_by(User.last_name, User.first_name)).all()


def check_size(count):
    """4.13: the commission has 3–5 members."""
    if not MIN_MEMBERS <= count <= MAX_MEMBERS:
        raise RuleError(f"В конкурсной комиссии должно быть от {MIN_MEMBERS} до {MAX_MEMBERS} человек, указано: "
                        f"{count}.", section="4.13", field="members")


def check_one_chair(chairs):
    """4.13: one of the members chairs the commission (the director: checked where the members are accounts)."""
    if chairs != 1:
        raise RuleError("Укажите одного председателя комиссии (её возглавляет директор техникума).", section="4.13",
                        field="members")


def check_composition(members):
    """4.13: 3–5 people, one chair and he the director, the curator among them; each holds «член комиссии».

    ``members``: [(User, CommissionRole)].
    """
    check_size(len(members))
    if len({user.id for user, _ in members}) != len(members):
        raise RuleError("Один человек указан в составе дважды.", field="members")
    chairs = [user for user, role in members if role == CommissionRole.CHAIR]
    check_one_chair(len(chairs))
    if not chairs[0].has_role(Role.DIRECTOR):
        raise RuleError(f"Комиссию возглавляет директор техникума, а {chairs[0].short_name} не имеет роли "
                        "«директор». Назначьте председателем директора.", section="4.13", field="members")
    if not any(user.has_role(Role.CURATOR) for user, _ in members):
        raise RuleError("В комиссию входит куратор: включите в состав сотрудника с ролью «куратор».",
                        section="4.13", field="members")
    outsiders = [user.short_name for user, _ in members if not user.has_role(Role.COMMISSION)]
    if outsiders:
        raise RuleError(f"Дайте роль «член комиссии» (через администратора): {', '.join(outsiders)} — иначе они не "
                        "смогут оценивать кандидатов.", field="members")
    no_position = [user.short_name for user, _ in members if not (user.position or "").strip()]
    if no_position:
        raise RuleError(f"В приказе указывается должность каждого члена комиссии: попросите администратора "
                        f"заполнить должность в учётной записи — {', '.join(no_position)}.", field="members")
    inactive = [user.short_name for user, _ in members if not user.active]
    if inactive:
        raise RuleError(f"Отключённые учётные записи не могут войти в комиссию: {', '.join(inactive)}.",
                        field="members")


def form_commission(year, members, *, order_date, selection_deadline, actor):
    """Issue the director's order creating the commission and record the composition it sets (4.13).

    A composition is changed only this way: the new order supersedes the previous composition.
    """
    year.ensure_open("Новый состав комиссии")
    members = sorted(members, key=lambda pair: list(CommissionRole).index(pair[1]))
    check_composition(members)
    previous = current_commission(year)
    if previous is not None and any(meeting.is_open for meeting in previous.meetings):
        raise RuleError("У прежнего состава есть незакрытое заседание: сначала закройте его.", field="members")
    rows = [{"name": user.full_name, "position": user.position or "", "role": role.label} for user, role in members]
    order = issue_document("order_create_commission", {
        "doc_date": order_date, "academic_year": year.title, "members": rows,
        "selection_deadline": selection_deadline}, actor,
        subjects=[Subject("user", user.id, "commission_member", user.short_name) for user, _ in members])
    commission = Commission(program_year=year, order_document=order, created_by_id=actor.id)
    commission.members = [CommissionMember(user=user, role=role, position_title=user.position or "", position=n)
                          for n, (user, role) in enumerate(members)]
    db.session.add(commission)
    db.session.flush()
    if previous is not None:
        previous.superseded_by_id = commission.id
    audit.record("commission_formed", actor=actor, target=commission,
                 details={"year": year.title, "order": order.number_text or "",
                          "members": [f"{user.short_name} ({role.label})" for user, role in members]})
    return commission


def open_meeting(commission, *, meeting_date, present_users, actor):
    """Record a meeting of the composition in force with the members present; it needs a quorum (4.13)."""
    if not commission.is_current:
        raise RuleError("Этот состав комиссии заменён новым приказом: заседание проводит действующий состав.",
                        section="4.13")
    commission.program_year.ensure_open("Новые заседания")
    meeting = CommissionMeeting(commission=commission, meeting_date=meeting_date)
    db.session.add(meeting)
    _set_present(meeting, present_users)
    db.session.flush()
    audit.record("meeting_opened", actor=actor, target=meeting,
                 details={"date": meeting_date.isoformat(), "present": [m.user.short_name for m in meeting.present]})
    return meeting


def set_attendance(meeting, present_users, *, actor):
    """Correct who is present while the meeting is open."""
    meeting.ensure_open()
    _set_present(meeting, present_users)
    audit.record("meeting_attendance_changed", actor=actor, target=meeting,
                 details={"present": [m.user.short_name for m in meeting.present]})


def close_meeting(meeting, *, actor):
    """Close the meeting (4.13): with a quorum and every vote of those present cast; from now on its attendance
    and votes are frozen, each candidate's decision is recorded and the protocol issued (app.selection.decisions).
    """
    from app.selection import decisions  # decisions build on the meetings kept here

    ensure_quorum(meeting)
    decisions.check_every_vote_cast(meeting)
    meeting.close(actor, utcnow())
    audit.record("meeting_closed", actor=actor, target=meeting)
    return decisions.record_outcomes(meeting, actor)


def ensure_quorum(meeting):
    """4.13: the commission decides only when more than half of its members are present."""
    members = len(meeting.commission.members)
    present = len(meeting.present)
    if present < meeting.commission.quorum:
        raise RuleError(f"Нет кворума: присутствуют {present} из {members} членов комиссии, а нужно больше "
                        f"половины — не менее {meeting.commission.quorum}.", section="4.13", field="present")


def _set_present(meeting, present_users):
    ids = {user.id for user in present_users}
    outsiders = ids - {member.user_id for member in meeting.commission.members}
    if outsiders:
        raise RuleError("Отметить присутствующими можно только членов этого состава комиссии.", field="present")
    voted = {review.member_id for item in meeting.candidates for review in item.reviews}
    leaving = [member.user.short_name for member in meeting.present if member.user_id not in ids and member.id in voted]
    if leaving:
        raise RuleError(f"Уже проголосовали на этом заседании: {', '.join(leaving)} — их нельзя отметить "
                        "отсутствующими, иначе их голоса потеряются.", section="4.13", field="present")
    meeting.present = [member for member in meeting.commission.members if member.user_id in ids]
    ensure_quorum(meeting)


@dataclass(frozen=True)
class Decision:
    selected: bool
    votes_for: int
    votes_against: int
    abstained: int
    #: The tie was broken by the chair's vote.
    by_chair: bool = False

    @property
    def label(self):
        return "отобран" if self.selected else "не отобран"


def decide(votes, present_count, chair_vote=None):
    """How the commission decides on one candidate (4.13): selected when more than half of the members
    present who may vote on him vote «за»; when exactly half do (a tie between «за» and the rest), the chair's
    vote decides. Without the chair's vote (he is absent) a tie is no majority: the candidate is not selected.
    ``votes``: the Vote of each member present who voted.
    """
    votes = [Vote(vote) for vote in votes]
    votes_for, against = votes.count(Vote.FOR), votes.count(Vote.AGAINST)
    abstained = votes.count(Vote.ABSTAIN)
    if votes_for * 2 > present_count:
        return Decision(True, votes_for, against, abstained)
    if votes_for * 2 == present_count and votes_for > 0 and chair_vote is not None:
        return Decision(Vote(chair_vote) == Vote.FOR, votes_for, against, abstained, by_chair=True)
    return Decision(False, votes_for, against, abstained)

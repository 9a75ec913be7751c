"""The pairs' papers filled from the pairings: the Program and its pairs (4.14), the orders on one pair (4.7, 4.8),
a group's agreements (4.6), the requests of 6.2 and 7.2."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.accounts.documents import curator_provider, user_as_person, users_with
from app.core.roles import Role
from app.documents.prefill import Prefill, PrefillProvider, Subject, register_prefill
from app.extensions import db
from app.pairs.changes import REPLACE, pair_values, replacement_values, subjects
from app.pairs.models import Pairing, PairingAgreement, PairingKind, PairingMember, PairingState
from app.pairs.plans import plan_summary
from app.programs.models import ProgramYear, ProgramYearStatus
from app.programs.services import years_newest_first


def _open_pairs(*kinds):
    return db.session.scalars(
        select(Pairing).join(Pairing.program_year)
        .where(Pairing.kind.in_(kinds or (PairingKind.PAIR,)), Pairing.state == PairingState.ACTIVE,
               ProgramYear.status == ProgramYearStatus.OPEN)
        .options(selectinload(Pairing.members).joinedload(PairingMember.mentee))
        .order_by(Pairing.id)).all()


def _options(pairings):
    return sorted(((str(pairing.id), f"{pairing.label} ({pairing.program_year.title})") for pairing in pairings),
                  key=lambda option: option[1])


def _pair_options():
    return _options(_open_pairs())


def _pairing_options():
    """The orders of 4.7 and 4.8: a pair, or a whole group."""
    return _options(_open_pairs(PairingKind.PAIR, PairingKind.GROUP))


def _member_options():
    """The orders of 4.7 and 4.8 on one mentee of a group."""
    options = ((str(member.id), f"{member.mentee.person.full_name} — {pairing.label} ({pairing.program_year.title})")
               for pairing in _open_pairs(PairingKind.GROUP) for member in pairing.current_members)
    return sorted(options, key=lambda option: option[1])


def _pairing(ids):
    return db.session.get(Pairing, int(ids[0]))


def fill_pair(ids):
    pairing = _pairing(ids)
    return Prefill(values=pair_values(pairing), subjects=subjects(pairing))


def fill_replacement(ids):
    pairing = _pairing(ids)
    return Prefill(values=replacement_values(pairing), subjects=subjects(pairing))


def _group_member(ids):
    member = db.session.get(PairingMember, int(ids[0]))
    return member.pairing, member


def fill_member(ids):
    pairing, member = _group_member(ids)
    return Prefill(values=pair_values(pairing, member), subjects=subjects(pairing, member=member))


def fill_member_replacement(ids):
    pairing, member = _group_member(ids)
    return Prefill(values=replacement_values(pairing, member=member), subjects=subjects(pairing, member=member))


def request_values(pairing):
    """6.2 and 7.2: the mentor and the mentee of the pair, the form."""
    mentee = pairing.mentees[0]
    values = {"mentor": pairing.mentor.person, "mentor_position": pairing.mentor.person.study_or_position,
              "mentee": mentee.person, "mentee_position": mentee.person.study_or_position,
              "form": pairing.mentorship_form.name}
    curators = users_with(Role.CURATOR)
    if len(curators) == 1:
        values["curator"] = user_as_person(curators[0])
    return values


def fill_request(ids):
    pairing = _pairing(ids)
    return Prefill(values=request_values(pairing), subjects=subjects(pairing))


def year_options():
    return [(str(year.id), f"{year.title} учебный год") for year in years_newest_first()]


def program_rows(year):
    """4.14: the year's pairs and groups at work (forming or active), by mentor."""
    pairings = db.session.scalars(
        select(Pairing).where(Pairing.program_year_id == year.id,
                              Pairing.state.in_([PairingState.FORMING, PairingState.ACTIVE]))
        .options(selectinload(Pairing.members).joinedload(PairingMember.mentee))).all()
    pairings = sorted(pairings, key=lambda pairing: (pairing.mentor.person.search_name, pairing.id))
    return pairings, [{"mentor": pairing.mentor.person.full_name,
                       "mentees": ", ".join(mentee.person.full_name for mentee in pairing.mentees),
                       "form": pairing.mentorship_form.name, "start": pairing.starts_on, "end": pairing.planned_end_on,
                       "plan": plan_summary(pairing)}
                      for pairing in pairings]


def fill_program(ids):
    year = db.session.get(ProgramYear, int(ids[0]))
    pairings, rows = program_rows(year)
    found = []
    for pairing in pairings:
        found.append(Subject("person", pairing.mentor.person.id, "mentor", pairing.mentor.person.short_name))
        found += [Subject("person", m.person.id, "mentee", m.person.short_name) for m in pairing.mentees]
    values = {"academic_year": year.title, "pairs": rows}
    curators = users_with(Role.CURATOR)
    if len(curators) == 1:
        values["curator"] = user_as_person(curators[0])
    return Prefill(values=values, subjects=found)


def agreement_values(agreement):
    pairing = agreement.pairing
    return {"signer": agreement.person, "role": "наставника" if agreement.role == "mentor" else "наставляемого",
            "mentor": pairing.mentor.person,
            "mentees": ", ".join(member.mentee.person.full_name for member in pairing.current_members),
            "form": pairing.mentorship_form.name, "period_start": pairing.starts_on,
            "period_end": pairing.planned_end_on}


def agreement_subjects(agreement):
    return [Subject("pairing_agreement", agreement.id, "agreement", agreement.person.short_name),
            Subject("person", agreement.person.id, "participant", agreement.person.short_name)]


def _agreement_options():
    agreements = db.session.scalars(
        select(PairingAgreement).join(PairingAgreement.pairing)
        .where(Pairing.state == PairingState.FORMING)).all()
    return [(str(agreement.id), f"{agreement.person.full_name} — {agreement.pairing.label}")
            for agreement in agreements]


def fill_agreement(ids):
    agreement = db.session.get(PairingAgreement, int(ids[0]))
    return Prefill(values=agreement_values(agreement), subjects=agreement_subjects(agreement))


register_prefill("order_approve_program", curator_provider(with_position=False))
register_prefill("order_approve_program", PrefillProvider(
    "year_pairs", "Пары (группы) учебного года", year_options, fill_program,
    help="Действующие и формируемые пары и группы года; куратор — из учётной записи, если куратор один."))
register_prefill(REPLACE, PrefillProvider(
    "pairing", "Наставническая пара (группа целиком)", _pairing_options, fill_replacement,
    help="Нового наставника выберите из реестра на странице пары; здесь — укажите его ФИО, как в реестре."))
register_prefill(REPLACE, PrefillProvider(
    "group_member", "Наставляемый группы (перевод к другому наставнику)", _member_options, fill_member_replacement,
    help="Выпуск приказа переведёт его в пару с новым наставником с тем же плановым окончанием (п. 4.8)."))
for kind_code in ("order_end_pair_early", "order_extend_pair"):
    register_prefill(kind_code, PrefillProvider("pairing", "Наставническая пара (группа целиком)", _pairing_options,
                                                fill_pair, help="Выпуск приказа изменит срок пары (группы)."))
    register_prefill(kind_code, PrefillProvider("group_member", "Наставляемый группы", _member_options, fill_member,
                                                help="Выпуск приказа изменит срок только этого наставляемого."))
for kind_code in ("mentor_step_down_request", "mentee_mentor_change_request"):
    register_prefill(kind_code, PrefillProvider("pairing", "Наставническая пара", _pair_options, fill_request))
register_prefill("group_work_agreement", PrefillProvider(
    "pairing_agreement", "Согласие участника формируемой группы", _agreement_options, fill_agreement))

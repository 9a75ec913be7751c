"""Demo pairs and groups: the bases' seeder formed the pairs (through the pairs' services); here the group of a
partner's employee with four students (4.6), its agreements printed and signed, and one pair extended by an issued
order for illness (4.7)."""
from datetime import date, timedelta

from sqlalchemy import select

from app.applications.paperwork import scan_file
from app.bases.rules import one_year_after
from app.core.formatting import local_today
from app.documents.prefill import Subject
from app.documents.scans import file_signed_scan
from app.documents.services import issue_document
from app.extensions import db
from app.pairs import changes, services
from app.pairs.models import Pairing, PairingKind, PairingState
from app.pairs.prefill import agreement_subjects, agreement_values
from app.partners.models import Agreement

#: A partner's employee mentors while his organisation's agreement is in force: his pairs end by then at the latest.
PARTNER_PAIR_END = date(2026, 12, 25)


def _partner_end(mentor):
    """The last day the employee's pairs may run: his organisation's agreement in force at the start (2.2, 3.6)."""
    ends = [agreement.end_date for agreement in db.session.scalars(select(Agreement).where(
        Agreement.partner_id == mentor.person.organisation_id)) if agreement.in_force_on(mentor.entry_date)]
    return min(PARTNER_PAIR_END, max(ends, default=mentor.entry_date))


def seed(context):
    data, clerk = context.data, context.data["clerk"]
    mentors, mentees = data["employer_mentees"]
    mentor = mentors[0]
    group = services.form_group(mentor, mentees[:4], starts_on=mentor.entry_date, planned_end_on=_partner_end(mentor))
    for agreement in group.agreements:
        document = issue_document("group_work_agreement",
                                  {"doc_date": min(mentor.entry_date, local_today()), **agreement_values(agreement)},
                                  clerk, subjects=agreement_subjects(agreement))
        person = agreement.person
        file_signed_scan(document, scan_file("скан согласия.png"), clerk,
                         subject=Subject("person", person.id, "participant", person.short_name))
    services.start_group(group)
    for index, mentee in enumerate(mentees[4:]):
        employer = mentors[1 + index // 2]
        services.form_pair(mentee, employer, starts_on=max(mentee.entry_date, employer.entry_date),
                           planned_end_on=_partner_end(employer))
    pair = db.session.scalars(select(Pairing).where(
        Pairing.program_year_id == mentor.program_year_id, Pairing.kind == PairingKind.PAIR,
        Pairing.state == PairingState.ACTIVE).order_by(Pairing.id)).first()
    if pair is not None:
        values = {**changes.pair_values(pair), "doc_date": date(2026, 11, 20),
                  "new_end": one_year_after(pair.starts_on) + timedelta(days=21),  # past a calendar year (4.7)
                  "absence_reason": changes.EXTENSION_REASONS[0][0], "absent_party": "наставляемого",
                  "reason_details": "листок нетрудоспособности с 26.10.2026 по 16.11.2026"}
        if values["new_end"] > pair.planned_end_on:
            changes.prepare_order(changes.EXTEND, pair, values, clerk)
    data["demo_pairs"] = {"group": group, "extended": pair}

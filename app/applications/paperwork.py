"""Every paper a participant needs, printed through the services and signed with a generated scan.

For the demo college and the tests only: real papers come back signed by real people. Going through the
same services as the pages, it cannot produce what a rule refuses — a parent's paper for an adult, an
application for a form the person may not mentor in.
"""
import io
import struct
import zlib
from datetime import date, timedelta
from functools import lru_cache

from werkzeug.datastructures import FileStorage

from app.applications import attachments
from app.applications.checklist import PaperData, evaluate
from app.applications.models import FileKind
from app.applications.requirements import RequirementCode
from app.applications.services import default_values, submit_application
from app.consents.models import ParticipantRole
from app.consents.services import print_consent
from app.core.formatting import local_today
from app.core.names import Gender
from app.documents.links import PaperState
from app.documents.prefill import Subject
from app.documents.scans import file_signed_scan
from app.partners import agreements
from app.people import services as people
from app.people.models import Relation

#: For a person whose card has no phone: the application (Приложение 5) asks for one.
PHONE = "+7 (343) 432-00-00"


def complete_paperwork(person, role, year, on_date, user, *, form=None, pages=8):
    """Print what is missing among ``person``'s papers as ``role`` and file a signed scan of each.

    ``form`` is the form of mentorship a candidate's application names (a mentor's own form by default).
    """
    role = ParticipantRole(role)
    paper_date = min(on_date, local_today())
    for item in evaluate(person, role, on_date, PaperData.load([person], year)):
        if item.done:
            continue
        requirement = item.requirement
        if requirement.consent_kind is not None:
            representative = _a_parent(person) if requirement.consent_kind.by_representative else None
            consent = item.record if item.state == PaperState.PRINTED else print_consent(
                requirement.consent_kind, person, user, role=role, year=year, representative=representative,
                on=paper_date)
            _sign(consent, user)
        elif requirement.code == RequirementCode.CANDIDATE_APPLICATION:
            application = item.record
            if application is None:
                application = submit_application(person, year, user, **{
                    **default_values(person, year), "mentorship_form": form or _mentor_form(person, year),
                    "portfolio_pages": pages, "regulation_acknowledged": True, "personal_data_consent": True,
                    "applied_on": paper_date, "personal_data_consent_on": paper_date,
                    "email": person.email or f"candidate{person.id}@kmt.example", "phone": person.phone or PHONE})
            _sign(application, user)
        elif requirement.code in (RequirementCode.PORTFOLIO, RequirementCode.PARTNER_PAPER):
            kind = FileKind.PORTFOLIO if requirement.code == RequirementCode.PORTFOLIO else FileKind.PARTNER_PAPER
            attachments.add_file(person, year, kind, requirement.paper_title, scan_file(f"{requirement.title}.png"),
                                 user, paper_date=paper_date)
        elif requirement.code == RequirementCode.AGREEMENT:
            _sign_agreement(person.organisation, max(on_date, local_today()), user)


def _a_parent(person):
    """The parent in the card; an adult student candidate without one gets his mother (Приложение 5 asks for his
    parents' consent)."""
    if person.representatives:
        return person.representatives[0]
    return people.add_representative(person, last_name=person.last_name, first_name="Ольга",
                                     middle_name="Ивановна", gender=Gender.FEMALE, relation=Relation.MOTHER,
                                     phone=PHONE)


def _mentor_form(person, year):
    return next(row.mentorship_form for row in person.mentor_participations if row.program_year_id == year.id)


def _sign(record, user):
    file_signed_scan(record.current_document, scan_file("скан подписанного.png"), user,
                     subject=_subject(record))


def _subject(record):
    person = record.paper_person
    return Subject("person", person.id, "participant", person.short_name) if person is not None else None


def _sign_agreement(partner, day, user):
    """An agreement in force on ``day``: from a year before it to the 30 December after it."""
    end = date(day.year, 12, 30) if day <= date(day.year, 12, 30) else date(day.year + 1, 12, 30)
    values = {**agreements.default_values(partner), "signed_on": min(day, local_today()) - timedelta(days=365),
              "end_date": end}
    values["signatory_position_genitive"] = values["signatory_position_genitive"] or "руководителя"
    agreement = agreements.create_agreement(partner, user, **values)
    agreements.print_agreement(agreement, user)
    _sign(agreement, user)
    return agreement


def scan_file(name="скан.png"):
    """A small generated «scan»: a white A4-shaped page with a signature stroke, as a PNG upload."""
    return FileStorage(stream=io.BytesIO(scan_png()), filename=name, content_type="image/png")


@lru_cache(maxsize=4)  # the same bytes every time: drawn once
def scan_png(width=84, height=119):
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            border = x in (0, width - 1) or y in (0, height - 1)
            stroke = y == height - 20 + (x // 6) % 3 and width // 2 < x < width - 8
            row += b"\x30\x30\x30" if border or stroke else b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))

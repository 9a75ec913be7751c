"""Which papers a participant needs: by his role, his age on the date in question and who he is.

- everyone: consent to personal-data processing (4.11) — his own, or for a minor his parent's;
- a mentee: his participation application for the year (4.11) and, for a minor, his parent's;
- a candidate and a mentor: his application (Приложение 5; 4.5 and Приложение 1 — his own wish, even when
  nominated), the portfolio it lists, and for a student his parent's participation application («согласие родителей
  (законных представителей) (для наставников-обучающихся)» of Приложение 5; a setting narrows it to minors, for whom
  4.11 asks it anyway);
- a partner's employee who mentors: the papers of agreement 2.2 for the year, and an agreement of his
  organisation signed and in force.

The form of mentorship adds nothing of its own: an employer form's mentors are partners' employees, and
their papers follow from that (the agreement is what blocks a «работодатель – студент» pair).
"""
from dataclasses import dataclass
from enum import StrEnum

from app.applications.attachments import partner_paper_titles
from app.consents.models import ConsentKind, ParticipantRole
from app.consents.services import parents_consent_required
from app.people.categories import PersonCategory


class RequirementCode(StrEnum):
    PERSONAL_DATA = "personal_data"
    PERSONAL_DATA_PARENT = "personal_data_parent"
    MENTEE_APPLICATION = "mentee_application"
    PARENT_APPLICATION = "parent_application"
    CANDIDATE_APPLICATION = "candidate_application"
    PORTFOLIO = "portfolio"
    PARTNER_PAPER = "partner_paper"
    AGREEMENT = "agreement"

    @property
    def label(self):
        return REQUIREMENT_LABELS[self]


REQUIREMENT_LABELS = {
    RequirementCode.PERSONAL_DATA: "Согласие на обработку персональных данных",
    RequirementCode.PERSONAL_DATA_PARENT: "Согласие родителя (законного представителя) на обработку персональных "
                                          "данных",
    RequirementCode.MENTEE_APPLICATION: "Заявление на участие в Программе наставничества",
    RequirementCode.PARENT_APPLICATION: "Заявление родителя (законного представителя) на участие в Программе",
    RequirementCode.CANDIDATE_APPLICATION: "Заявление кандидата в наставники (Приложение 5)",
    RequirementCode.PORTFOLIO: "Портфолио кандидата",
    RequirementCode.PARTNER_PAPER: "Документы сотрудника партнёра (п. 2.2 соглашения)",
    RequirementCode.AGREEMENT: "Соглашение о наставничестве с организацией-партнёром",
}

REGULATION_4_11 = ("4.11", "п. 4.11 Положения")
APPENDIX_5 = ("Приложение 5", "п. 4.5 и Приложение 5 к Положению")
AGREEMENT_2_2 = ("2.2 соглашения", "п. 2.2 соглашения о наставничестве, Приложение 2")
APPENDIX_2 = ("Приложение 2", "Приложение 2 к Положению, п. 3.6 соглашения")


@dataclass(frozen=True)
class Requirement:
    code: RequirementCode
    #: What the checklist and the gate's message call it: «Справка об отсутствии судимости».
    title: str
    #: The rule it comes from: a short code (for the error's section) and how a message cites it.
    section: str
    reference: str
    consent_kind: ConsentKind | None = None
    #: For a paper of agreement 2.2: its title in the settings' list.
    paper_title: str | None = None


def _consent(code, kind):
    return Requirement(code, code.label, *REGULATION_4_11, consent_kind=kind)


def requirements_for(person, role, on_date):
    """The papers ``person`` needs to take part as ``role`` when his participation begins on ``on_date``."""
    role = ParticipantRole(role)
    minor = person.is_minor_on(on_date)
    needed = [_consent(RequirementCode.PERSONAL_DATA_PARENT, ConsentKind.PERSONAL_DATA_PARENT) if minor
              else _consent(RequirementCode.PERSONAL_DATA, ConsentKind.PERSONAL_DATA)]
    if role == ParticipantRole.MENTEE:
        needed.append(_consent(RequirementCode.MENTEE_APPLICATION, ConsentKind.MENTEE_APPLICATION))
    else:
        needed.append(Requirement(RequirementCode.CANDIDATE_APPLICATION,
                                  RequirementCode.CANDIDATE_APPLICATION.label, *APPENDIX_5))
        needed.append(Requirement(RequirementCode.PORTFOLIO, RequirementCode.PORTFOLIO.label, *APPENDIX_5))
    if parents_consent_required(person, role, on_date):
        needed.append(_consent(RequirementCode.PARENT_APPLICATION, ConsentKind.PARENT_APPLICATION))
    if role != ParticipantRole.MENTEE and person.category == PersonCategory.PARTNER_EMPLOYEE:
        needed += [Requirement(RequirementCode.PARTNER_PAPER, title, *AGREEMENT_2_2, paper_title=title)
                   for title in partner_paper_titles()]
        needed.append(Requirement(RequirementCode.AGREEMENT, RequirementCode.AGREEMENT.label, *APPENDIX_2))
    return needed

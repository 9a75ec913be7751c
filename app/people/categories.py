"""Who a person is at the college, and which categories of the regulation that lets him enter.

Three lists, kept apart on purpose: a person's category in the people base (PersonCategory), the
mentee categories of 4.3 and the mentor categories of 4.4. A participation stores the 4.3/4.4
category it was entered with, because the person's own category changes (a student graduates).
This module imports nothing of the app, so programs, people and bases can all use it.
"""
from enum import StrEnum


class PersonCategory(StrEnum):
    STUDENT = "student"
    GRADUATE = "graduate"
    TEACHER = "teacher"
    COLLEGE_STAFF = "college_staff"
    PARTNER_EMPLOYEE = "partner_employee"

    @property
    def label(self):
        return PERSON_CATEGORY_LABELS[self]


PERSON_CATEGORY_LABELS = {
    PersonCategory.STUDENT: "обучающийся",
    PersonCategory.GRADUATE: "выпускник",
    PersonCategory.TEACHER: "преподаватель",
    PersonCategory.COLLEGE_STAFF: "иной сотрудник техникума",
    PersonCategory.PARTNER_EMPLOYEE: "сотрудник организации-партнёра",
}


class MenteeCategory(StrEnum):
    """4.3: for whom mentorship is established."""

    STUDENT = "student"
    NEW_TEACHER = "new_teacher"
    TEACHER = "teacher"

    @property
    def label(self):
        return MENTEE_CATEGORY_LABELS[self]


MENTEE_CATEGORY_LABELS = {
    MenteeCategory.STUDENT: "студент, изъявивший желание в назначении наставника",
    MenteeCategory.NEW_TEACHER: "педагогический работник, вновь принятый на работу в техникум",
    MenteeCategory.TEACHER: "педагогический работник, изъявивший желание в назначении наставника",
}


class MentorCategory(StrEnum):
    """4.4: who may be a mentor."""

    STUDENT = "student"
    GRADUATE = "graduate"
    COLLEGE_STAFF = "college_staff"
    PARTNER_EMPLOYEE = "partner_employee"

    @property
    def label(self):
        return MENTOR_CATEGORY_LABELS[self]


MENTOR_CATEGORY_LABELS = {
    MentorCategory.STUDENT: "студент",
    MentorCategory.GRADUATE: "выпускник",
    MentorCategory.COLLEGE_STAFF: "преподаватель или иное должностное лицо техникума",
    MentorCategory.PARTNER_EMPLOYEE: "сотрудник предприятия или организации-партнёра",
}

#: 4.3 names students and pedagogical workers only, read literally: graduates, partners' employees and the college's
#: other staff (an accountant is not «педагогический работник, вновь принятый на работу») are not mentees.
MENTEE_CATEGORIES_BY_PERSON = {
    PersonCategory.STUDENT: (MenteeCategory.STUDENT,),
    PersonCategory.TEACHER: (MenteeCategory.NEW_TEACHER, MenteeCategory.TEACHER),
    PersonCategory.COLLEGE_STAFF: (),
    PersonCategory.GRADUATE: (),
    PersonCategory.PARTNER_EMPLOYEE: (),
}

#: 4.4: each person category gives exactly one mentor category.
MENTOR_CATEGORY_BY_PERSON = {
    PersonCategory.STUDENT: MentorCategory.STUDENT,
    PersonCategory.GRADUATE: MentorCategory.GRADUATE,
    PersonCategory.TEACHER: MentorCategory.COLLEGE_STAFF,
    PersonCategory.COLLEGE_STAFF: MentorCategory.COLLEGE_STAFF,
    PersonCategory.PARTNER_EMPLOYEE: MentorCategory.PARTNER_EMPLOYEE,
}

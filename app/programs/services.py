"""Program years and forms of mentorship: creating, changing, the stage of 4.9; every change audited."""
import re

from sqlalchemy import select

from app.audit import services as audit
from app.core.errors import RuleError
from app.core.idempotency import serialize
from app.core.search import search_key
from app.extensions import db
from app.people.categories import MenteeCategory, MentorCategory
from app.programs import participants
from app.programs.models import MentorshipForm, ProgramYear

TITLE_PATTERN = re.compile(r"^(\d{4})/(\d{4})$")

#: The regulation's three forms (4.1), seeded by migration 0011 with the same values; an
#: administrator adds more. Employers' mentoring runs with groups of students (agreement 2.5).
STANDARD_FORMS = [
    {"code": "student_student", "name": "студент – студент", "position": 10, "allows_groups": False,
     "mentor_categories": [MentorCategory.STUDENT.value, MentorCategory.GRADUATE.value],
     "mentee_categories": [MenteeCategory.STUDENT.value]},
    {"code": "teacher_teacher", "name": "преподаватель – преподаватель", "position": 20, "allows_groups": False,
     "mentor_categories": [MentorCategory.COLLEGE_STAFF.value],
     "mentee_categories": [MenteeCategory.NEW_TEACHER.value, MenteeCategory.TEACHER.value]},
    {"code": "employer_student", "name": "работодатель – студент", "position": 30, "allows_groups": True,
     "mentor_categories": [MentorCategory.PARTNER_EMPLOYEE.value],
     "mentee_categories": [MenteeCategory.STUDENT.value]},
]


def ensure_standard_forms():
    """Add whichever of the three standard forms is missing (databases built without migrations: tests)."""
    existing = set(db.session.scalars(select(MentorshipForm.code).where(MentorshipForm.code.is_not(None))))
    for spec in STANDARD_FORMS:
        if spec["code"] not in existing:
            db.session.add(MentorshipForm(active=True, **spec))
    db.session.flush()
    return standard_form_by_code()


def standard_form_by_code():
    return {form.code: form for form in db.session.scalars(select(MentorshipForm).where(
        MentorshipForm.code.is_not(None)))}


def all_forms(active_only=False):
    query = select(MentorshipForm).order_by(MentorshipForm.position, MentorshipForm.name)
    if active_only:
        query = query.where(MentorshipForm.active.is_(True))
    return list(db.session.scalars(query))


def current_year():
    return db.session.scalar(select(ProgramYear).where(ProgramYear.is_current.is_(True)))


def years_newest_first():
    return list(db.session.scalars(select(ProgramYear).order_by(ProgramYear.start_date.desc())))


# --- program years ---------------------------------------------------------------------------------

def create_year(*, title, start_date, end_date, forms, actor=None):
    """Open a program year; the first one becomes the current year."""
    title = _check_year(title, start_date, end_date)
    _check_title_free(title)
    _check_forms_for_year(forms, previous=[])
    year = ProgramYear(title=title, start_date=start_date, end_date=end_date, forms=list(forms))
    year.is_current = current_year() is None
    db.session.add(year)
    db.session.flush()
    audit.record("program_year_created", actor=actor, target=year,
                 details={"title": title, "forms": [form.name for form in forms]})
    return year


def update_year(year, *, title, start_date, end_date, forms, actor=None):
    """Change a year's title, dates and forms; a form with participants in the year stays."""
    year.ensure_open("Изменения")
    title = _check_year(title, start_date, end_date)
    _check_title_free(title, exclude=year)
    _check_forms_for_year(forms, previous=year.forms)
    removed = [form for form in year.forms if form not in forms]
    for form in removed:
        used = participants.count_in_form(year, form)
        if used:
            raise RuleError(f"Форму «{form.name}» нельзя убрать из года: в ней уже {used} участн. базы "
                            "наставников или наставляемых этого года.", section="4.1", field="forms")
    before = {"title": year.title, "start": str(year.start_date), "end": str(year.end_date),
              "forms": [form.name for form in year.forms]}
    year.title, year.start_date, year.end_date, year.forms = title, start_date, end_date, list(forms)
    after = {"title": year.title, "start": str(year.start_date), "end": str(year.end_date),
             "forms": [form.name for form in year.forms]}
    if before != after:
        audit.record("program_year_updated", actor=actor, target=year, details={"before": before, "after": after})
    return year


def make_current(year, *, actor=None):
    """Make ``year`` the one pages open by default; the previous current year stays readable."""
    if year.is_current:
        return
    for other in db.session.scalars(select(ProgramYear).where(ProgramYear.is_current.is_(True))):
        other.is_current = False
    db.session.flush()
    year.is_current = True
    audit.record("program_year_current", actor=actor, target=year, details={"title": year.title})


def change_stage(year, direction, *, actor=None):
    """Move the program to the next stage of 4.9 ("next") or back by one ("back")."""
    before = year.stage
    if direction == "next":
        year.advance()
    elif direction == "back":
        year.step_back()
    else:
        raise RuleError("Неизвестное направление смены этапа.")
    audit.record("program_stage_changed", actor=actor, target=year,
                 details={"before": before.number, "after": year.stage.number})


def close_year(year, *, actor=None):
    year.close()
    audit.record("program_year_closed", actor=actor, target=year, details={"title": year.title})


def reopen_year(year, *, actor=None):
    year.reopen()
    audit.record("program_year_reopened", actor=actor, target=year, details={"title": year.title})


def _check_year(title, start_date, end_date):
    title = (title or "").strip().replace(" ", "")
    match = TITLE_PATTERN.match(title)
    if not match or int(match[2]) != int(match[1]) + 1:
        raise RuleError("Укажите учебный год в виде «2026/2027»: два года подряд через косую черту.", field="title")
    if start_date is None or end_date is None:
        raise RuleError("Укажите даты начала и окончания учебного года.", field="start_date")
    if end_date <= start_date:
        raise RuleError("Дата окончания должна быть позже даты начала.", field="end_date")
    if start_date.year != int(match[1]) or end_date.year != int(match[2]):
        raise RuleError(f"Учебный год {title} начинается в {match[1]} году и заканчивается в {match[2]}: "
                        "проверьте даты.", field="start_date")
    return title


def _check_title_free(title, exclude=None):
    serialize("year", title)  # two forms at once open one year
    other = db.session.scalar(select(ProgramYear).where(ProgramYear.title == title))
    if other is not None and other is not exclude:
        raise RuleError(f"Учебный год {title} уже есть.", field="title")


def _check_forms_for_year(forms, previous):
    if not forms:
        raise RuleError("Выберите хотя бы одну форму наставничества, реализуемую в этом году.", section="4.1",
                        field="forms")
    for form in forms:
        if not form.active and form not in previous:
            raise RuleError(f"Форма «{form.name}» отключена администратором: её нельзя добавить в год.",
                            field="forms")


# --- forms of mentorship ---------------------------------------------------------------------------

def create_form(*, name, description=None, mentor_categories, mentee_categories, allows_groups=False,
                active=True, position=100, actor=None):
    """Add a form of mentorship (e.g. «работодатель – ученик») without a code change."""
    form = MentorshipForm(code=None)
    _apply_form(form, name, description, mentor_categories, mentee_categories, allows_groups, active, position)
    db.session.add(form)
    db.session.flush()
    audit.record("mentorship_form_created", actor=actor, target=form, details=_form_details(form))
    return form


def update_form(form, *, name, description=None, mentor_categories, mentee_categories, allows_groups=False,
                active=True, position=100, actor=None):
    """Change a form; a category its participants were admitted with cannot be taken away."""
    before = _form_details(form)
    _check_categories_in_use(form, mentor_categories, mentee_categories)
    _apply_form(form, name, description, mentor_categories, mentee_categories, allows_groups, active, position)
    after = _form_details(form)
    if before != after:
        audit.record("mentorship_form_updated", actor=actor, target=form, details={"before": before, "after": after})
    return form


def _apply_form(form, name, description, mentor_categories, mentee_categories, allows_groups, active, position):
    name = re.sub(r"\s+", " ", (name or "").strip())
    if not name:
        raise RuleError("Введите название формы наставничества, например «работодатель – ученик».", field="name")
    serialize("mentorship_form", search_key(name))
    other = next((existing for existing in all_forms() if search_key(existing.name) == search_key(name)), None)
    if other is not None and other is not form:
        raise RuleError(f"Форма «{name}» уже есть.", field="name")
    mentors = [MentorCategory(value).value for value in mentor_categories]
    mentees = [MenteeCategory(value).value for value in mentee_categories]
    if not mentors:
        raise RuleError("Отметьте, кто может быть наставником в этой форме (категории п. 4.4).", section="4.4",
                        field="mentor_categories")
    if not mentees:
        raise RuleError("Отметьте, для кого устанавливается наставничество в этой форме (категории п. 4.3).",
                        section="4.3", field="mentee_categories")
    form.name = name
    form.description = (description or "").strip() or None
    form.mentor_categories = [c.value for c in MentorCategory if c.value in mentors]
    form.mentee_categories = [c.value for c in MenteeCategory if c.value in mentees]
    form.allows_groups = bool(allows_groups)
    form.active = bool(active)
    form.position = int(position or 0)


def _check_categories_in_use(form, mentor_categories, mentee_categories):
    if form.id is None:
        return
    used_mentor = participants.categories_in_use(form, "mentor")
    for category in used_mentor - {MentorCategory(value) for value in mentor_categories}:
        raise RuleError(f"В форме уже есть наставники категории «{category.label}»: эту категорию нельзя убрать.",
                        section="4.4", field="mentor_categories")
    used_mentee = participants.categories_in_use(form, "mentee")
    for category in used_mentee - {MenteeCategory(value) for value in mentee_categories}:
        raise RuleError(f"В форме уже есть наставляемые категории «{category.label}»: эту категорию нельзя убрать.",
                        section="4.3", field="mentee_categories")


def _form_details(form):
    return {"name": form.name, "mentor_categories": list(form.mentor_categories or []),
            "mentee_categories": list(form.mentee_categories or []), "allows_groups": form.allows_groups,
            "active": form.active}

"""Loading an exported base back (Приложения 3, 4): each row finds its record by its code and only what changed is
changed, through the same services as the pages; a row without a code is a new record of someone already in the
people list.

Every row says what it will do — «нет изменений», or each field «было → станет» — so the preview shows exactly what
the confirmation will write. A column taken from another record (the person's card, the mentor's place, the status)
is compared too: a difference is told, with where to change it, and nothing is written from it.
"""
from dataclasses import dataclass

from sqlalchemy import select

from app.bases import services as bases
from app.bases.models import MenteeParticipation, MentorParticipation, MentorStatus
from app.bases.services import MENTEE_FIELDS, MENTOR_FIELDS
from app.core.errors import RuleError
from app.core.search import search_key
from app.excel import cells
from app.excel.base_columns import CODE, MENTEE_BASE, MENTOR_BASE
from app.excel.cells import CellError
from app.excel.models import ImportKind
from app.extensions import db
from app.people.models import Person
from app.programs.services import all_forms

#: The regulation's own typo in Приложение 4, accepted as the heading it means.
ALIASES = {"Дата входления в программу": "Дата вхождения в программу"}


@dataclass(frozen=True)
class Layout:
    kind: ImportKind
    model: type
    columns: list
    #: The fields the base's update service takes, in one call.
    fields: tuple
    #: Required to add a new record.
    required: tuple

    def column(self, key):
        return next(column for column in self.columns if column.key == key)


LAYOUTS = {
    ImportKind.MENTEES: Layout(ImportKind.MENTEES, MenteeParticipation, MENTEE_BASE, MENTEE_FIELDS,
                               ("full_name", "birth_year", "main_request", "entry_date", "category")),
    ImportKind.MENTORS: Layout(ImportKind.MENTORS, MentorParticipation, MENTOR_BASE, MENTOR_FIELDS,
                               ("full_name", "competencies", "entry_date", "mentorship_form")),
}


@dataclass
class Change:
    heading: str
    before: str
    after: str

    def __str__(self):
        return f"«{self.heading}»: {self.before} → {self.after}"


def _plan(action="unchanged"):
    """What a row of an exported base will do, as the report keeps it (plain JSON): «new», «changed» or
    «unchanged», and each change in words."""
    return {"action": action, "changes": []}


def layout_for(kind, headings):
    """The export's layout when ``headings`` are an exported base's (its code column among them), else None."""
    layout = LAYOUTS.get(ImportKind(kind))
    normal = {_normal(heading) for heading in headings if heading}
    if layout is None or _normal(CODE) not in normal:
        return None
    return layout


def map_headings(layout, headings, report):
    """{column index: BaseColumn}; a heading that is not the export's, or repeated, or missing, is a file error."""
    known = {_normal(column.heading): column for column in layout.columns}
    known.update({_normal(alias): known[_normal(heading)] for alias, heading in ALIASES.items()
                  if _normal(heading) in known})
    found = {}
    for index, heading in enumerate(headings):
        if not _normal(heading):
            continue
        column = known.get(_normal(heading))
        if column is None:
            report.file_errors.append(f"Столбец «{heading}» не из выгрузки базы: удалите его или загрузите файл "
                                      "по шаблону загрузки.")
        elif column in found.values():
            report.file_errors.append(f"Столбец «{column.heading}» встречается дважды.")
        else:
            found[index] = column
    for key in layout.required:
        column = layout.column(key)
        if column not in found.values():
            report.file_errors.append(f"Нет столбца «{column.heading}»: выгрузите базу заново и правьте её, не "
                                      "удаляя столбцов.")
    return found


def parse_row(columns, raw, row):
    """{key: cell value} with the editable columns parsed; each unreadable cell is an error of the row."""
    values = {}
    for index, column in columns.items():
        cell = raw[index] if index < len(raw) else None
        if column.editable:
            try:
                values[column.key] = column.parse(cell)
            except CellError as error:
                row.errors.append(f"«{column.heading}»: {error}")
        else:
            values[column.key] = cell
    row.summary = {"name": cells.text(values.get("full_name")) or ""}
    return values


def refuse_repeated_codes(parsed):
    """Two rows with one code would both change one record: the later one is refused, naming the first."""
    seen = {}
    for row, values in parsed:
        code = cells.text(values.get("code"))
        if code is None:
            continue
        if code in seen:
            row.errors.append(f"«{CODE}»: повторяет строку {seen[code]} — у каждой записи одна строка.")
        else:
            seen[code] = row.number


def apply_row(layout, values, year, row):
    """Change the row's record (or add it) as the file says; ``row.plan`` tells what changed."""
    code = values.get("code")
    if _is_blank(code):
        _add(layout, values, year, row)
        return
    record = _record(layout, code, year)
    row.plan = _plan()
    _compare_other_records(layout, values, record, row)
    updated = {}
    for column in layout.columns:
        if not column.editable or column.key not in values:
            continue
        new, old = values[column.key], column.now(record)
        if _same(column, new, old):
            continue
        row.plan["changes"].append(str(Change(column.heading, column.text(old), column.text(_shown(column, new)))))
        updated[column.key] = new
    if updated:
        row.plan["action"] = "changed"
        _update(layout, record, updated, year)


def _record(layout, code, year):
    try:
        record_id = int(float(str(code).strip()))
    except ValueError:
        raise RuleError(f"«{CODE}»: «{code}» — не код записи: выгрузите базу заново.") from None
    record = db.session.get(layout.model, record_id)
    if record is None or record.program_year_id != year.id:
        raise RuleError(f"«{CODE}»: записи {record_id} нет в базе {year.title} учебного года: выгрузите базу этого "
                        "года заново или очистите ячейку, чтобы добавить новую запись.")
    return record


def _compare_other_records(layout, values, record, row):
    """Columns of other records: told when the file differs, never written."""
    where = {"full_name": "в карточке человека", "contacts": "в карточке человека", "birth_year": "в карточке человека",
             "place": "в карточке человека", "mentor_place": "в карточке наставника",
             "mentees": "у наставляемых", "mentee_place": "в карточках наставляемых",
             "status": "кнопками статуса на странице записи", "year": "—"}
    for column in layout.columns:
        if column.editable or column.key in ("code",) or column.key not in values:
            continue
        if cells.text(values[column.key]) != cells.text(column.export(record)):
            if column.key == "year":
                raise RuleError(f"«{column.heading}»: строка {cells.text(values[column.key])} учебного года, а "
                                f"загрузка — в {record.program_year.title}: загрузите её в свой год.")
            row.notes.append(f"«{column.heading}» в файле отличается от базы: меняется {where[column.key]}, из файла "
                             "не загружается.")


def _same(column, new, old):
    if column.key == "mentorship_form":
        return _key(new) == _key(old.name if old is not None else None)
    if column.key == "mentor":
        return _key(new) == _key(old)
    if isinstance(new, str) or isinstance(old, str):
        return cells.text(new) == cells.text(old)
    return new == old


def _shown(column, value):
    if column.key == "mentorship_form":
        return _form(value) if value else None
    return value


def _update(layout, record, updated, year):
    service_fields = {key: updated[key] for key in updated if key in layout.fields}
    if "mentorship_form" in service_fields:
        service_fields["mentorship_form"] = _form(service_fields["mentorship_form"])
    if service_fields:
        values = {name: getattr(record, name) for name in layout.fields}
        values.update(service_fields)
        update = bases.update_mentee if layout.kind == ImportKind.MENTEES else bases.update_mentor
        update(record, **values)
    if "mentor" in updated:
        _pair(record, updated["mentor"], year)
    if "program_passed" in updated:
        _passed(record, updated["program_passed"])
    if "registry_basis" in updated:
        _registry(record, updated["registry_basis"])


def _pair(mentee, name, year):
    if mentee.mentor is not None:
        raise RuleError(f"«ФИО наставника»: у наставляемого уже есть наставник {mentee.mentor.person.full_name}: "
                        "замена наставника — приказом директора (п. 4.8), снятие — на странице наставляемого.",
                        section="4.8")
    if name:
        bases.link_mentor(mentee, _mentor(name, year))


def _passed(mentee, passed):
    if mentee.program_passed is not None or passed is None:
        raise RuleError("«Отметка о прохождении программы»: отметку меняют на странице наставляемого.")
    if mentee.end_date is None:
        raise RuleError("«Отметка о прохождении программы»: укажите дату завершения программы.")
    (bases.complete_mentee if passed else bases.withdraw_mentee)(mentee, on=mentee.end_date)


def _registry(mentor, basis):
    if mentor.status != MentorStatus.POTENTIAL or not basis:
        raise RuleError("«Основание включения в реестр наставников»: основание уже записано — его меняет новый "
                        "приказ, не загрузка.", section="4.13")
    bases.register_mentor(mentor, basis=basis, on=mentor.entry_date)


def _add(layout, values, year, row):
    row.plan = _plan("new")
    for key in layout.required:
        if _is_blank(values.get(key)):
            raise RuleError(f"Новая строка (без кода записи): заполните «{layout.column(key).heading}».")
    person = _person(values, layout)
    form = _form(values.get("mentorship_form")) if values.get("mentorship_form") else None
    if layout.kind == ImportKind.MENTEES:
        record = bases.add_mentee(person, year, category=values["category"], main_request=values["main_request"],
                                  entry_date=values["entry_date"], mentorship_form=form,
                                  end_date=values.get("end_date"), results=values.get("results"),
                                  case_link=values.get("case_link"))
        if values.get("mentor"):
            bases.link_mentor(record, _mentor(values["mentor"], year))
        if values.get("program_passed") is not None:
            _passed(record, values["program_passed"])
    else:
        record = bases.add_mentor(person, year, category=values.get("category"), mentorship_form=form,
                                  entry_date=values["entry_date"], competencies=values["competencies"],
                                  achievements=values.get("achievements"), interests=values.get("interests"),
                                  desired_mentee_age=values.get("desired_mentee_age"),
                                  time_resource=values.get("time_resource"), end_date=values.get("end_date"),
                                  results=values.get("results"), case_link=values.get("case_link"))
        if values.get("registry_basis"):
            bases.register_mentor(record, basis=values["registry_basis"], on=values["entry_date"])
    row.plan["changes"].append(str(Change("Запись", "нет", f"новая запись: {person.full_name}")))
    return record


def _person(values, layout):
    """The person of a new row, among the people: by full name (and year of birth, where the base gives it)."""
    name = cells.text(values["full_name"])
    query = select(Person).where(Person.search_name == search_key(name))
    people = list(db.session.scalars(query))
    if layout.kind == ImportKind.MENTEES:
        year_of_birth = cells.text(values.get("birth_year"))
        people = [person for person in people if str(person.birth_date.year) == year_of_birth]
    if not people:
        raise RuleError(f"«{name}» нет в списке людей: добавьте его на странице «Люди» (или загрузкой людей) и "
                        "загрузите файл снова.")
    if len(people) > 1:
        raise RuleError(f"В списке людей несколько «{name}»: добавьте запись на странице нужного человека.")
    return people[0]


def _form(name):
    for form in all_forms():
        if cells.dash_key(form.name) == cells.dash_key(name):
            return form
    raise RuleError(f"«Форма наставничества»: формы «{name}» нет.")


def _mentor(name, year):
    matches = list(db.session.scalars(
        select(MentorParticipation).join(MentorParticipation.person)
        .where(MentorParticipation.program_year_id == year.id, Person.search_name == search_key(name))))
    if len(matches) != 1:
        raise RuleError(f"«ФИО наставника»: «{name}» — " + ("нет в базе наставников " + year.title if not matches
                                                          else "в базе наставников несколько с таким ФИО") + ".")
    return matches[0]


def _key(value):
    return cells.dash_key(cells.text(value) or "")


def _is_blank(value):
    return value is None or cells.text(value) is None


def _normal(heading):
    return search_key(str(heading or "")).rstrip("*:").strip()

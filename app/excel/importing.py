"""Import of people, mentees and mentors from .xlsx: every row checked by the same services as the forms.

A file is run row by row inside one savepoint, each row in a nested one: a refused row is rolled
back and reported, the others go on, so the preview shows every row's errors — and the file's own
(a column missing or unknown) in the same round. ``check`` then rolls everything back; ``apply``
keeps the rows only when no row failed — the caller commits — so an import is all or nothing.

A base exported from the intranet (its columns and codes, app.excel.base_columns) loads back as it
is: app.excel.roundtrip changes only what the file changed and says so row by row.
"""
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from app.bases import services as bases
from app.bases.models import MentorParticipation
from app.core.errors import RuleError
from app.core.formatting import ru_date
from app.core.names import Gender
from app.core.search import search_key
from app.excel import cells, roundtrip
from app.excel.cells import CellError
from app.excel.kept import sheet_from_json, sheet_to_json
from app.excel.models import ImportKind
from app.excel.specs import SPECS
from app.excel.workbook import SheetError, read_sheet
from app.extensions import db
from app.partners.services import find_partner_by_name
from app.people import services as people
from app.people.models import Person, Relation
from app.programs.services import all_forms

MAX_ROWS = 5000
NO_ROWS = "В файле нет ни одной заполненной строки под заголовками."
PERSON_FIELDS = ("last_name", "first_name", "middle_name", "gender", "birth_date", "category", "study_group",
                 "position", "phone", "email")


@dataclass
class RowReport:
    number: int
    summary: dict
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    #: For an exported base loaded back: {"action": "new" | "changed" | "unchanged", "changes": [«поле: было →
    #: станет»]} (app.excel.roundtrip), plain JSON like the rest of the report.
    plan: dict | None = None


@dataclass
class ImportReport:
    kind: ImportKind
    file_errors: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    #: What the user should know about the file as a whole that does not stop the import.
    file_notes: list = field(default_factory=list)
    #: True when the file is an exported base (loaded back record by record), False for the import template.
    round_trip: bool = False

    def to_json(self):
        return {"kind": str(self.kind), "file_errors": self.file_errors, "file_notes": self.file_notes,
                "rows": [asdict(row) for row in self.rows], "round_trip": self.round_trip}

    @classmethod
    def from_json(cls, kept):
        return cls(ImportKind(kept["kind"]), file_errors=kept["file_errors"], file_notes=kept.get("file_notes", []),
                   rows=[RowReport(**row) for row in kept["rows"]], round_trip=kept.get("round_trip", False))

    @property
    def error_rows(self):
        return [row for row in self.rows if row.errors]

    @property
    def ok(self):
        return not self.file_errors and not self.error_rows and bool(self.rows)

    @property
    def changed_rows(self):
        """Rows that add or change something (every row of a template; the changed ones of an exported base)."""
        return [row for row in self.rows if row.plan is None or row.plan["action"] != "unchanged"]

    @property
    def nothing_to_do(self):
        return self.ok and not self.changed_rows

    def counts(self):
        """{"new": n, "changed": n, "unchanged": n} of an exported base's rows."""
        found = {"new": 0, "changed": 0, "unchanged": 0}
        for row in self.rows:
            if row.plan is not None:
                found[row.plan["action"]] += 1
        return found


def check(batch):
    """Report what importing the file would do; the database is left as it was."""
    return _run(batch, keep=False)


def kept_report(batch):
    """The check made on upload (kept in the batch), so the preview costs no second reading of the file."""
    if batch.report is None:
        batch.report = check(batch).to_json()
    return ImportReport.from_json(batch.report)


def parsed_sheet(batch):
    """The rows parsed on upload; a batch kept before parsed rows were (issue 11) reads its file once, now."""
    if batch.sheet is None:
        batch.sheet = sheet_to_json(read_sheet(batch.read_bytes(), MAX_ROWS))
    return sheet_from_json(batch.sheet)


def apply(batch):
    """Import every row, or none if any row fails; the caller commits when ``report.ok``."""
    return _run(batch, keep=True)


def _run(batch, keep):
    """Every error of the file and of each row in one report; the rows imported only with ``keep`` and no error."""
    report = ImportReport(batch.kind)
    try:
        sheet = parsed_sheet(batch)
    except SheetError as error:
        report.file_errors.append(str(error))
        return report
    headings, rows = sheet.headings, sheet.rows
    if sheet.note:
        report.file_notes.append(sheet.note)
    layout = roundtrip.layout_for(batch.kind, headings)
    report.round_trip = layout is not None
    spec = SPECS[batch.kind]
    columns = roundtrip.map_headings(layout, headings, report) if layout else _map_headings(spec, headings, report)
    if not rows:
        report.file_errors.append(NO_ROWS)
        return report
    parsed = []
    for number, raw in rows:
        if layout is not None:
            row = RowReport(number, summary={})
            values = roundtrip.parse_row(columns, raw, row)
        else:
            row, values = _parse(spec, columns, number, raw)
        report.rows.append(row)
        parsed.append((row, values))
    if layout is not None:
        roundtrip.refuse_repeated_codes(parsed)
    if report.file_errors:
        return report  # the rows' cells are reported; no service can run on a file with a column missing
    if layout is not None:
        context, importer = batch.program_year, lambda values, year, row: roundtrip.apply_row(layout, values, year,
                                                                                                row)
    else:
        context = _Context(batch.program_year, {column.key: column.heading for column in spec.columns})
        importer = IMPORTERS[batch.kind]
    outer = db.session.begin_nested()
    try:
        for row, values in parsed:
            if not row.errors:
                _import_row(importer, values, context, row)
    except BaseException:
        outer.rollback()
        raise
    if keep and report.ok:
        outer.commit()
    else:
        outer.rollback()
    return report


def _import_row(importer, values, context, row):
    savepoint = db.session.begin_nested()
    try:
        importer(values, context, row)
        db.session.flush()
    except RuleError as error:
        savepoint.rollback()
        row.errors.append(str(error))
    else:
        savepoint.commit()


# --- headings and cells ------------------------------------------------------------------------------

def _normal(heading):
    return search_key(str(heading or "")).rstrip("*:").strip()


def _map_headings(spec, headings, report):
    """{column index: ImportColumn}; unknown, repeated and missing required headings are file errors."""
    known = {}
    for column in spec.columns:
        for name in (column.heading, *column.aliases):
            known[_normal(name)] = column
    found = {}
    for index, heading in enumerate(headings):
        if not _normal(heading):
            continue
        column = known.get(_normal(heading))
        if column is None:
            report.file_errors.append(f"Столбец «{heading}» не распознан: назовите его, как в шаблоне, или удалите.")
        elif column in found.values():
            report.file_errors.append(f"Столбец «{column.heading}» встречается дважды.")
        else:
            found[index] = column
    for column in spec.required:
        if column not in found.values():
            report.file_errors.append(f"Нет обязательного столбца «{column.heading}»: скачайте шаблон и сравните "
                                      "заголовки.")
    return found


def _parse(spec, columns, number, raw):
    values = {column.key: None for column in spec.columns}
    row = RowReport(number, summary={})
    for index, column in columns.items():
        cell = raw[index] if index < len(raw) else None
        try:
            values[column.key] = column.parse(cell)
        except CellError as error:
            row.errors.append(f"«{column.heading}»: {error}")
            continue
        if column.required and values[column.key] is None:
            row.errors.append(f"«{column.heading}»: заполните ячейку.")
    row.summary = _summary(values)
    return row, values


def _summary(values):
    name = " ".join(values.get(key) or "" for key in ("last_name", "first_name", "middle_name")).strip()
    born = values.get("birth_date")
    summary = {"name": name, "birth_date": ru_date(born) if born else ""}
    for key in ("category", "mentee_category", "mentor_category", "mentorship_form", "mentor"):
        value = values.get(key)
        summary[key] = getattr(value, "label", value) or ""
    return summary


# --- one row of each kind ------------------------------------------------------------------------------

@dataclass
class _Context:
    year: object
    headings: dict
    #: (search key of the full name, birth date) -> the row that had it first
    seen: dict = field(default_factory=dict)


@contextmanager
def _at(heading):
    """Re-raise a service's refusal naming the column it is about (``heading``: a text or field -> text)."""
    try:
        yield
    except RuleError as error:
        if getattr(error, "located", False):
            raise
        where = heading(error.field) if callable(heading) else heading
        located = RuleError(f"«{where}»: {error.message}" if where else error.message, section=error.section,
                            field=error.field)
        located.located = True
        raise located from None


def _person(values, context, row, *, reuse):
    """The row's person: found by full name and birth date when ``reuse``, else created."""
    key = (search_key(values["last_name"], values["first_name"], values["middle_name"]), values["birth_date"])
    if key in context.seen:
        raise RuleError(f"Повторяет строку {context.seen[key]}: то же ФИО и дата рождения. Оставьте одну из строк.")
    context.seen[key] = row.number
    existing = people.find_probable_duplicates(values["last_name"], values["first_name"], values["middle_name"],
                                               values["birth_date"])
    if existing and not reuse:
        raise RuleError(f"Такой человек уже есть в базе (карточка № {existing[0].id}): уберите строку из файла или "
                        "добавьте его вручную на странице «Люди», подтвердив, что это другой человек.")
    if len(existing) > 1:
        raise RuleError("В базе несколько людей с таким ФИО и датой рождения: добавьте запись вручную из нужной "
                        "карточки.")
    if existing:
        row.notes.append(f"Уже есть в базе (карточка № {existing[0].id}): используется она, данные человека из "
                         "файла не меняются.")
        return existing[0], False
    organisation = None
    if values.get("organisation"):
        organisation = find_partner_by_name(values["organisation"])
        if organisation is None:
            raise RuleError(f"«Организация-партнёр»: «{values['organisation']}» нет в списке организаций-партнёров. "
                            "Добавьте её или исправьте наименование.")
    gender = values["gender"] or cells.gender_from_patronymic(values["middle_name"])
    if gender is None:
        raise RuleError("«Пол»: укажите «м» или «ж» — по отчеству пол не определить.")
    with _at(lambda name: context.headings.get(name)):
        person = people.create_person(**{key: values[key] for key in PERSON_FIELDS if key != "gender"},
                                      gender=gender, organisation=organisation, confirm_duplicate=True)
    row.notes.append("Новый человек в базе.")
    return person, True


def _import_person(values, context, row):
    _person(values, context, row, reuse=False)


def _import_mentee(values, context, row):
    person, _ = _person(values, context, row, reuse=True)
    _representative(person, values, row)
    headings = {**context.headings, "category": context.headings["mentee_category"], "on": context.headings["end_date"]}
    with _at(lambda name: headings.get(name)):
        mentee = bases.add_mentee(
            person, context.year, category=values["mentee_category"], main_request=values["main_request"],
            entry_date=values["entry_date"], mentorship_form=_form(values["mentorship_form"], context),
            end_date=values["end_date"], results=values["results"], case_link=values["case_link"])
    if values["mentor"]:
        with _at(context.headings["mentor"]):
            bases.link_mentor(mentee, _mentor(values["mentor"], context))
    if values["program_passed"] is not None:
        with _at(context.headings["program_passed"]):
            if values["end_date"] is None:
                raise RuleError("укажите дату завершения программы.")
            step = bases.complete_mentee if values["program_passed"] else bases.withdraw_mentee
            step(mentee, on=values["end_date"])


def _import_mentor(values, context, row):
    person, _ = _person(values, context, row, reuse=True)
    headings = {**context.headings, "category": context.headings["mentor_category"]}
    with _at(lambda name: headings.get(name)):
        mentor = bases.add_mentor(
            person, context.year, category=values["mentor_category"],
            mentorship_form=_form(values["mentorship_form"], context), entry_date=values["entry_date"],
            competencies=values["competencies"], achievements=values["achievements"], interests=values["interests"],
            desired_mentee_age=values["desired_mentee_age"], time_resource=values["time_resource"],
            end_date=values["end_date"], results=values["results"], case_link=values["case_link"])
    if values["registry_basis"]:
        with _at(context.headings["registry_basis"]):
            bases.register_mentor(mentor, basis=values["registry_basis"], on=values["entry_date"])


IMPORTERS = {ImportKind.PEOPLE: _import_person, ImportKind.MENTEES: _import_mentee,
             ImportKind.MENTORS: _import_mentor}


def _representative(person, values, row):
    if not values["rep_name"]:
        return
    if person.representatives:
        row.notes.append("Законный представитель уже указан в карточке: из файла не добавляется.")
        return
    parts = values["rep_name"].split()
    if len(parts) < 2:
        raise RuleError("«ФИО законного представителя»: укажите фамилию, имя и отчество.")
    relation = values["rep_relation"] or Relation.OTHER
    gender = {Relation.MOTHER: Gender.FEMALE, Relation.FATHER: Gender.MALE}.get(relation)
    gender = gender or cells.gender_from_patronymic(" ".join(parts[2:]))
    if gender is None:
        raise RuleError("«Кем приходится представитель»: укажите «мать» или «отец» — иначе пол представителя по "
                        "отчеству не определить.")
    headings = {"phone": "Телефон представителя", "email": "Электронная почта представителя"}
    with _at(lambda name: headings.get(name, "ФИО законного представителя")):
        people.add_representative(person, last_name=parts[0], first_name=parts[1],
                                  middle_name=" ".join(parts[2:]) or None, gender=gender, relation=relation,
                                  phone=values["rep_phone"], email=values["rep_email"])


def _form(name, context):
    if not name:
        return None
    for form in all_forms():
        if cells.dash_key(form.name) == cells.dash_key(name):
            return form
    running = ", ".join(f"«{form.name}»" for form in context.year.forms)
    raise RuleError(f"«{context.headings['mentorship_form']}»: формы «{name}» нет. В {context.year.title} "
                    f"реализуются: {running}.")


def _mentor(name, context):
    """The year's mentor with this full name (search key equal)."""
    matches = list(db.session.scalars(
        select(MentorParticipation).join(MentorParticipation.person)
        .where(MentorParticipation.program_year_id == context.year.id, Person.search_name == search_key(name))))
    if not matches:
        raise RuleError(f"наставника «{name}» нет в базе наставников {context.year.title}: сначала загрузите или "
                        "добавьте его.")
    if len(matches) > 1:
        raise RuleError(f"в базе наставников несколько человек с ФИО «{name}»: назначьте наставника на странице "
                        "наставляемого.")
    return matches[0]

"""The data a template is filled with: the kind's fields plus what the engine adds itself.

The context is kept with the issued version exactly as built here (plain JSON), so the college's
name or director as they were on the day stay with the paper even after the settings change.
"""
from datetime import date

from app.documents.kinds.common import COLLEGE_EXAMPLE
from app.documents.kinds.schema import FieldType
from app.documents.registers import REGISTERS
from app.settings.registry import DIRECTOR_CASES
from app.settings.services import values_with_prefix


def college_context():
    """The college's details from the settings; the director as a person the filters can decline."""
    college = values_with_prefix("college.")
    name_forms = {case: college.pop(f"director_{case}", "") for case, _ in DIRECTOR_CASES}
    director = {"last_name": college.pop("director_last_name", ""),
                "first_name": college.pop("director_first_name", ""),
                "middle_name": college.pop("director_middle_name", "") or "",
                "gender": college.pop("director_gender", "") or None,
                "name_forms": {case: value.strip() for case, value in name_forms.items() if value and value.strip()}}
    return {**{key: college.get(key) or "" for key in COLLEGE_EXAMPLE if key != "director"},
            "director": director}


def build_context(values, *, number_text=None, is_draft=False, college=None):
    """Fields, then the engine's names; a field can never shadow ``college`` or ``number``."""
    return {**values, "college": college if college is not None else college_context(),
            "number": number_text or "", "is_draft": bool(is_draft)}


def example_context(kind):
    """The kind's examples with the college of the settings: what a preview shows."""
    number = REGISTERS[kind.register].example if kind.register else ""
    return build_context(kind.clean(kind.example_values()), number_text=number)


def render_context(kind, context):
    """The stored context with its dates as dates (``{{ doc_date.year }}`` works in a template)."""
    prepared = dict(context)
    for item in kind.fields:
        value = prepared.get(item.name)
        if value is None:
            continue
        if item.type == FieldType.DATE:
            prepared[item.name] = date.fromisoformat(value)
        elif item.type == FieldType.TABLE:
            date_columns = [column.name for column in item.columns if column.type == FieldType.DATE]
            if date_columns:
                prepared[item.name] = [
                    {**row, **{name: date.fromisoformat(row[name]) for name in date_columns if row.get(name)}}
                    for row in value]
    return prepared


def form_values(kind, context):
    """The fields of a stored context, to issue a draft again or prefill a correction's form.

    A field the kind gained after the context was stored takes its default (an agreement drafted before the
    college's signatory could be typed: the director of the settings), so the older paper still issues.
    """
    return {item.name: context[item.name] if item.name in context else (item.default() if item.default else None)
            for item in kind.fields}

"""Showing a document's stored data on its page: each field in words, by the kind's schema."""
from app.core.formatting import ru_date
from app.documents.kinds.schema import FieldType
from app.documents.russian import as_date, name

#: For templates: ``field.type == field_types.PERSON``.
FIELD_TYPES = FieldType


def display_value(item, value):
    """A stored value as a line of text (a table is shown by display_table)."""
    if value is None or value == "":
        return "—"
    if item.type == FieldType.PERSON:
        return name(value)
    if item.type == FieldType.DATE:
        return ru_date(as_date(value))
    if item.type == FieldType.BOOL:
        return "да" if value else "нет"
    return str(value)


def display_table(item, rows):
    """(column labels, [[cell text]]) of a table value."""
    return ([column.label for column in item.columns],
            [[display_value(column, row.get(column.name)) for column in item.columns] for row in rows or []])


def described_values(kind, context):
    """[(field, text or None, table or None)] in the order of the kind's schema."""
    described = []
    for item in kind.fields:
        value = context.get(item.name)
        if item.type == FieldType.TABLE:
            described.append((item, None, display_table(item, value)))
        else:
            described.append((item, display_value(item, value), None))
    return described

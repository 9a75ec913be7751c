"""The page of hand-made case forms of a name, shared by people, representatives and partners' heads."""
from flask import redirect, render_template

from app.core.actions import perform
from app.core.declension import automatic_full_name
from app.people import services
from forms.people import EDITABLE_CASES, NameFormsForm


def name_forms_page(record, *, name, title, back, attribute="name_forms", person=None):
    """Show and save ``record.<attribute>``; the document engine uses a filled case instead of declining.

    Beside each field the page shows the form the automatic declension gives (of ``person``, the record by default),
    so whoever opens it sees whether an override is needed at all.
    """
    form = NameFormsForm(data=getattr(record, attribute) or {})
    if form.validate_on_submit() and perform(
            lambda: services.set_name_forms(record, form.data, attribute=attribute), "Формы ФИО сохранены.", form):
        return redirect(back)
    for case in EDITABLE_CASES:
        field = form[case.value]
        field.description = (f"Автоматически: «{automatic_full_name(person or record, case)}»"
                             + ("; в документах — как вписано." if field.data else "."))
    return render_template("people/name_forms.html", form=form, name=name, back=back, title=title)

"""The page of hand-made case forms of a name, shared by people, representatives and partners' heads."""
from flask import redirect, render_template

from app.core.actions import perform
from app.people import services
from forms.people import NameFormsForm


def name_forms_page(record, *, name, title, back, attribute="name_forms"):
    """Show and save ``record.<attribute>``; the document engine uses a filled case instead of declining."""
    form = NameFormsForm(data=getattr(record, attribute) or {})
    if form.validate_on_submit() and perform(
            lambda: services.set_name_forms(record, form.data, attribute=attribute), "Формы ФИО сохранены.", form):
        return redirect(back)
    return render_template("people/name_forms.html", form=form, name=name, back=back, title=title)

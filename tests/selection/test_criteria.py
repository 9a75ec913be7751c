"""The criteria of Приложение 1 are data on the forms of mentorship, in the regulation's words."""
import re
from pathlib import Path

import pytest

from app.core.errors import RuleError
from app.core.roles import Role
from app.extensions import db
from app.programs.services import ensure_standard_forms
from app.selection import services
from app.selection.criteria_text import CRITERIA
from app.selection.models import CriterionScope, SelectionCriterion
from tests.helpers import page_text

REGULATION = Path(__file__).resolve().parents[2] / "docs" / "polozhenie-o-nastavnichestve.txt"


def normalised(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def criteria(app):
    services.ensure_standard_criteria()
    db.session.commit()
    return ensure_standard_forms()


def test_common_and_form_criteria_are_the_regulations_words_prilozhenie_1():
    regulation = normalised(REGULATION.read_text(encoding="utf-8"))
    for scope, _, group, text in CRITERIA:
        if scope != "curator":
            assert normalised(text) in regulation, text
        if group:
            assert normalised(group).lower() in regulation.lower()


def test_the_curators_criteria_are_the_last_paragraphs_words_prilozhenie_1():
    regulation = normalised(REGULATION.read_text(encoding="utf-8")).replace("техниукма", "техникума")
    paragraph = regulation[regulation.index("Для отбора/выдвижения куратора"):]
    paragraph = paragraph[:paragraph.index(".", paragraph.index("техникума"))]
    curator = [text for scope, _, _, text in CRITERIA if scope == "curator"]
    assert len(curator) == 5
    for text in curator:  # «обладать дополнительно опытом …, быть способным ставить …, организовывать …»
        ability = text.removeprefix("обладать ").removeprefix("быть способным ")
        assert ability.replace("опытом", "дополнительно опытом") in paragraph, text


def test_a_candidate_is_scored_on_the_common_criteria_and_his_forms_prilozhenie_1(criteria):
    student = services.criteria_for(criteria["student_student"])
    assert [c.scope for c in student] == [CriterionScope.COMMON] * 8 + [CriterionScope.FORM] * 4
    assert student[0].text.startswith("наличие личного желания стать наставником")
    employer = services.criteria_for(criteria["employer_student"])
    assert "опытом работы не менее 3 лет" in employer[8].text


def test_the_curator_meets_the_teacher_forms_criteria_and_more_prilozhenie_1(criteria):
    curator = services.criteria_for(curator=True)
    teacher = [c for c in curator if c.scope == CriterionScope.FORM]
    assert len(curator) == 8 + 3 + 5
    assert all(c.mentorship_form.code == "teacher_teacher" for c in teacher)
    assert any("SMART-цели" in c.text for c in curator)


def test_a_form_added_later_gets_its_own_criteria(criteria):
    from app.programs.services import create_form

    new_form = create_form(name="педагог – студент", description=None, mentor_categories=["college_staff"],
                           mentee_categories=["student"], allows_groups=False, active=True, position=40)
    services.save_criterion(None, scope="form", mentorship_form=new_form, text="владеет методикой тьюторства")
    assert [c.text for c in services.criteria_for(new_form)][-1] == "владеет методикой тьюторства"
    assert len(services.criteria_for(criteria["student_student"])) == 12


def test_a_form_criterion_needs_its_form_and_text(criteria):
    with pytest.raises(RuleError) as refused:
        services.save_criterion(None, scope="form", text="что-то")
    assert refused.value.field == "mentorship_form"
    with pytest.raises(RuleError):
        services.save_criterion(None, scope="common", text="   ")


def test_an_inactive_criterion_is_not_offered_but_stays(criteria):
    first = services.criteria_for(criteria["student_student"])[0]
    services.save_criterion(first, scope=first.scope, text=first.text, group=first.group, position=first.position,
                            active=False)
    assert first not in services.criteria_for(criteria["student_student"])
    assert db.session.get(SelectionCriterion, first.id) is not None


def test_administrator_edits_criteria_and_curator_reads_them(client, auth, make_user, criteria):
    auth.login_as(make_user(Role.ADMIN, email="admin@kmt.ru"))
    response = client.post("/admin/selection-criteria/new", data={
        "scope": "form", "mentorship_form": "", "group": "", "text": "стаж", "position": "5", "active": "y"})
    assert "Выберите форму наставничества" in page_text(response)
    response = client.post("/admin/selection-criteria/new", data={
        "scope": "form", "mentorship_form": str(criteria["employer_student"].id), "group": "",
        "text": "наличие справки об отсутствии судимости", "position": "500", "active": "y"}, follow_redirects=True)
    assert "Критерий сохранён." in page_text(response)
    auth.login_as(make_user(Role.CURATOR, email="curator@kmt.ru"))
    text = page_text(client.get("/admin/selection-criteria/"))
    assert "наличие справки об отсутствии судимости" in text and "быть способным ставить SMART-цели" in text
    assert "Новый критерий" not in text

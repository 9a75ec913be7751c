"""Agreements on mentorship (Приложение 2): entered as a draft, printed with a number by the secretary, signed by
scan, expired at the end date, terminated; flagged on the partner list when ending within 30 days."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.applications.paperwork import scan_file
from app.core.errors import RuleError
from app.core.formatting import local_today
from app.core.roles import Role
from app.documents.scans import file_signed_scan
from app.extensions import db
from app.partners import agreements
from app.partners.models import Agreement, AgreementStatus
from app.settings import services as settings
from tests.applications.fixtures import clerk, staff  # noqa: F401
from tests.documents.helpers import docx_text, flat
from tests.helpers import page_text

#: The college's side as the form starts it: the director of the settings, on the Устав.
DIRECTOR = {"college_signatory_last_name": "Елсукова", "college_signatory_first_name": "Е.",
            "college_signatory_middle_name": "В.", "college_signatory_gender": "female",
            "college_signatory_position": "директор", "college_signatory_position_genitive": "директора",
            "college_signatory_basis": "Устава"}
ACTING = {"college_signatory_last_name": "Петров", "college_signatory_first_name": "Игорь",
          "college_signatory_middle_name": "Семёнович", "college_signatory_gender": "male",
          "college_signatory_position": "исполняющий обязанности директора",
          "college_signatory_position_genitive": "исполняющего обязанности директора",
          "college_signatory_basis": "приказа № 15-к от 01.02.2026"}


def test_a_new_agreement_is_signed_by_the_partners_head_and_ends_on_30_december(bases_world):
    partner = bases_world.partner(head_last_name="Гусев", head_first_name="Андрей", head_middle_name="Викторович",
                                  head_position="генеральный директор", head_basis="доверенности № 5 от 10.01.2026")
    values = agreements.default_values(partner)
    today = local_today()
    assert (values["signatory_last_name"], values["signatory_position_genitive"], values["signatory_basis"]) == (
        "Гусев", "генерального директора", "доверенности № 5 от 10.01.2026")
    assert (values["end_date"].month, values["end_date"].day) == (12, 30) and values["end_date"] >= today
    settings.update({"documents.agreement_end": "31.08"})
    assert (agreements.default_values(partner)["end_date"].month, agreements.default_values(partner)[
        "end_date"].day) == (8, 31)


def test_draft_printed_signed_expired_terminated(bases_world, clerk):  # noqa: F811
    partner = bases_world.partner()
    today = local_today()
    agreement = agreements.create_agreement(partner, clerk, **{**agreements.default_values(partner),
                                                              "signed_on": today - timedelta(days=10),
                                                              "end_date": today + timedelta(days=100)})
    db.session.commit()
    assert agreement.status_on(today) == AgreementStatus.DRAFT and agreement.current_document.status == "draft"
    with pytest.raises(RuleError, match="Расторгнуть можно действующее"):
        agreements.terminate_agreement(agreement, clerk, reason="соглашение о расторжении")
    agreements.update_agreement(agreement, clerk, **{**agreements.default_values(partner),
                                                     "signed_on": today - timedelta(days=10),
                                                     "end_date": today + timedelta(days=120), "requisites": "ИНН 1"})
    document = agreements.print_agreement(agreement, clerk)
    db.session.commit()
    assert document.number_text and agreement.status_on(today) == AgreementStatus.PRINTED
    text = flat(docx_text(document.current_version.read_bytes()))
    assert f"СОГЛАШЕНИЕ О НАСТАВНИЧЕСТВЕ № {document.number_text}" in text
    assert "в лице генерального директора Ершова В.А., действующего на основании Устава" in text
    assert f"действует до {(today + timedelta(days=120)).strftime('%d.%m.%Y')} г." in text
    with pytest.raises(RuleError, match="распечатать его можно один раз"):
        agreements.print_agreement(agreement, clerk)
    with pytest.raises(RuleError, match="Изменять можно только проект"):
        agreements.update_agreement(agreement, clerk, **agreements.default_values(partner))
    file_signed_scan(agreement.current_document, scan_file("соглашение.png"), clerk)
    db.session.commit()
    db.session.expire(agreement)
    assert agreement.status_on(today) == AgreementStatus.SIGNED and agreement.in_force_on(today)
    assert agreement.status_on(today + timedelta(days=121)) == AgreementStatus.EXPIRED
    with pytest.raises(RuleError, match="в будущем"):
        agreements.terminate_agreement(agreement, clerk, on=today + timedelta(days=1), reason="досрочно")
    with pytest.raises(RuleError, match="основание"):
        agreements.terminate_agreement(agreement, clerk, on=today, reason="")
    agreements.terminate_agreement(agreement, clerk, on=today, reason="Соглашение о расторжении от сегодня")
    assert agreement.status_on(today) == AgreementStatus.TERMINATED and not agreement.in_force_on(today)


def test_an_agreement_cannot_end_before_it_begins(bases_world, clerk):  # noqa: F811
    partner = bases_world.partner()
    with pytest.raises(RuleError, match="раньше, чем заключено") as error:
        agreements.create_agreement(partner, clerk, **{**agreements.default_values(partner),
                                                      "end_date": local_today() - timedelta(days=400)})
    assert error.value.field == "end_date"
    db.session.rollback()
    assert db.session.query(Agreement).count() == 0


def test_the_partner_list_flags_agreements_ending_within_30_days_and_expired_ones(client, auth, make_user,
                                                                                 bases_world, clerk):  # noqa: F811
    today = local_today()
    for name, end in (("ООО «Долгое»", today + timedelta(days=200)), ("ООО «Скорое»", today + timedelta(days=20)),
                      ("ООО «Прошлое»", today - timedelta(days=5))):
        partner = bases_world.partner(short_name=name)
        agreement = agreements.create_agreement(partner, clerk, **{**agreements.default_values(partner),
                                                                  "signed_on": date(2025, 9, 1), "end_date": end})
        agreements.print_agreement(agreement, clerk)
        file_signed_scan(agreement.current_document, scan_file(), clerk)
    bases_world.partner(short_name="ООО «Без соглашения»")
    db.session.commit()
    auth.login_as(make_user(Role.DIRECTOR))
    text = page_text(client.get("/partners/"))
    assert "ООО «Долгое»" in text and f"действует до {(today + timedelta(days=200)).strftime('%d.%m.%Y')}" in text
    assert f"истекает {(today + timedelta(days=20)).strftime('%d.%m.%Y')}" in text
    assert "срок действия истёк" in text and "нет соглашения" in text


def test_staff_enter_an_agreement_and_only_the_secretary_prints_it(client, auth, staff, make_user,  # noqa: F811
                                                                   bases_world):
    partner = bases_world.partner(short_name="ООО «Северный металлург»")
    auth.login_as(staff)
    form = client.get(f"/partners/{partner.id}/agreements/new").get_data(as_text=True)
    assert 'value="Ершов"' in form and 'value="генерального директора"' in form
    data = {"signatory_last_name": "Ершов", "signatory_first_name": "Виктор", "signatory_middle_name": "Андреевич",
            "signatory_gender": "male", "signatory_position": "генеральный директор",
            "signatory_position_genitive": "", "signatory_basis": "Устава", **DIRECTOR,
            "requisites": "ИНН 6618001234", "signed_on": "2026-09-01", "end_date": "2026-12-30"}
    refused = page_text(client.post(f"/partners/{partner.id}/agreements/new", data=data))
    assert "Форма не сохранена" in refused and db.session.query(Agreement).count() == 0
    response = client.post(f"/partners/{partner.id}/agreements/new",
                           data={**data, "signatory_position_genitive": "генерального директора"},
                           follow_redirects=True)
    assert "Проект соглашения сохранён" in page_text(response)
    agreement = db.session.scalar(select(Agreement))
    assert client.post(f"/partners/agreements/{agreement.id}/print").status_code == 403
    auth.login_as(make_user(Role.SECRETARY))
    response = client.post(f"/partners/agreements/{agreement.id}/print", follow_redirects=True)
    text = page_text(response)
    assert "распечатано: после подписания загрузите скан" in text and "распечатано, не подписано" in text
    assert "Соглашения о наставничестве (Приложение 2)" in page_text(client.get(f"/partners/{partner.id}"))


def test_an_acting_director_signs_for_the_college_and_the_agreement_prints_his_name(client, auth, staff,  # noqa: F811
                                                                                    clerk, bases_world):  # noqa: F811
    """Приложение 2: «… в лице директора …, действующего на основании Устава» — or of whoever acts for him."""
    partner = bases_world.partner(short_name="ООО «Уралэлектро»")
    auth.login_as(staff)
    form = client.get(f"/partners/{partner.id}/agreements/new").get_data(as_text=True)
    for value in ("Елсукова", "Е.", "В.", "директора", "Устава"):  # the director of the settings
        assert f'value="{value}"' in form, value
    values = {**agreements.default_values(partner), "signed_on": "2026-09-01", "end_date": "2026-12-30", **ACTING}
    response = client.post(f"/partners/{partner.id}/agreements/new", follow_redirects=True,
                           data={key: str(value) for key, value in values.items()})
    page = page_text(response)
    assert "Проект соглашения сохранён" in page
    assert ("От техникума подписывает исполняющий обязанности директора Петров Игорь Семёнович, на основании "
            "приказа № 15-к от 01.02.2026") in page
    agreement = db.session.scalar(select(Agreement))
    assert 'value="Петров"' in client.get(f"/partners/agreements/{agreement.id}/edit").get_data(as_text=True)
    document = agreements.print_agreement(agreement, clerk)
    db.session.commit()
    text = flat(docx_text(document.current_version.read_bytes()))
    assert ("ГАПОУ СО «Красноуральский многопрофильный техникум» в лице исполняющего обязанности директора "
            "Петрова И.С., действующего на основании приказа № 15-к от 01.02.2026, именуемое далее "
            "«Образовательная организация»") in text
    assert "Исполняющий обязанности директора" in text and "_____________ И.С. Петров" in text
    assert "Елсуков" not in text


def test_the_college_signatory_needs_his_position_and_basis_prilozhenie_2(bases_world, clerk):  # noqa: F811
    partner = bases_world.partner()
    for key in ("college_signatory_position_genitive", "college_signatory_basis"):
        with pytest.raises(RuleError, match="подписывающего от техникума|подписывающий от техникума") as error:
            agreements.create_agreement(partner, clerk, **{**agreements.default_values(partner), **ACTING, key: " "})
        assert (error.value.section, error.value.field) == ("Приложение 2", key)
        db.session.rollback()
    with pytest.raises(RuleError, match="пол подписывающего от техникума"):
        agreements.create_agreement(partner, clerk, **{**agreements.default_values(partner), **ACTING,
                                                      "college_signatory_gender": ""})


def test_an_agreement_entered_before_the_college_signatory_was_recorded_prints_the_director(bases_world,
                                                                                           clerk):  # noqa: F811
    """A draft from before (its row and its paper without the college's signatory) still prints: the director of
    the settings on the day it is printed signs, as before."""
    partner = bases_world.partner()
    agreement = agreements.create_agreement(partner, clerk, **agreements.default_values(partner))
    for key in agreements.COLLEGE_FIELDS:
        setattr(agreement, key, None)
    version = agreement.current_document.current_version
    version.context = {key: value for key, value in version.context.items() if not key.startswith("college_")}
    db.session.commit()
    assert agreement.college_signatory is None
    settings.update({"college.director_last_name": "Гордеева", "college.director_first_name": "Светлана",
                     "college.director_middle_name": "Александровна"})
    text = flat(docx_text(agreements.print_agreement(agreement, clerk).current_version.read_bytes()))
    assert "в лице директора Гордеевой С.А., действующего на основании Устава" in text
    assert "Директор" in text and "_____________ С.А. Гордеева" in text
    assert agreements.agreement_values(agreement)["college_signatory"]["last_name"] == "Гордеева"

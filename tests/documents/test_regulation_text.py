"""The regulation's words, word for word: the bases' headings (Приложения 3, 4), the agreement (Приложение 2), the
candidate's application (Приложение 5) — compared with docs/polozhenie-o-nastavnichestve.txt after the corrections
docs/regulation.md lists (each with its original)."""
import io
import re

from docx import Document
from openpyxl import load_workbook

from app.bases import labels
from app.documents.kinds import get_kind
from app.documents.services import issue_document
from app.excel.exporting import export_mentees, export_mentors
from app.excel.specs import SPECS
from app.extensions import db
from tests.documents.helpers import docx_text
from tests.regulation import appendix_headings, between, corrections, normal


def _header_row(document):
    table = Document(io.BytesIO(document.current_version.read_bytes())).tables[0]
    return [cell.text for cell in table.rows[0].cells]


def test_every_correction_names_an_original_of_the_regulation():
    rows = corrections()
    assert ("Приложение 4", "Дата входления в программу", "Дата вхождения в программу") in rows
    assert all(original != corrected for _, original, corrected in rows)


def test_the_bases_carry_the_headings_of_appendices_3_and_4_word_for_word_prilozhenie_3_4(app, secretary):
    assert list(labels.MENTEE_COLUMNS.values()) == appendix_headings(3)
    assert list(labels.MENTOR_COLUMNS.values()) == appendix_headings(4)
    for code, number in (("mentee_base", 3), ("mentor_base", 4)):
        document = issue_document(code, get_kind(code).example_values(), secretary)
        assert _header_row(document) == ["№ п/п", *appendix_headings(number)], code
        assert [column.label for column in get_kind(code).field("rows").columns] == appendix_headings(number)
    db.session.commit()


def test_the_exported_bases_start_with_the_headings_of_appendices_3_and_4_prilozhenie_3_4(app):
    from app.bases.queries import BaseFilters

    for exporter, number in ((export_mentees, 3), (export_mentors, 4)):
        data, _ = exporter(BaseFilters())
        sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        headings = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        assert headings[:len(appendix_headings(number))] == appendix_headings(number)
    for spec in (SPECS["mentees"], SPECS["mentors"]):
        assert not any("учёбы" in column.heading for column in spec.columns)


#: The regulation's blanks and sample values, as the example agreement fills them.
AGREEMENT_VALUES = {
    "«Наименование партнера-работодателя» в лице _____, действующего на основании _____":
        "Общество с ограниченной ответственностью «Красноуральский механический завод» в лице генерального "
        "директора Гусева А.В., действующего на основании Устава",
}


def test_the_agreement_is_appendix_2_word_for_word_in_its_numbering_prilozhenie_2(app, secretary):
    values = {**get_kind("partner_agreement").example_values(), "doc_date": "2024-09-02", "end_date": "2024-12-30"}
    document = issue_document("partner_agreement", values, secretary)
    db.session.commit()
    printed = [normal(line) for line in docx_text(document.current_version.read_bytes()).splitlines()]
    regulation = between("ГАПОУ СО «Красноуральский многопрофильный техникум» в лице", "4. Юридические адреса")
    for line in regulation:
        for blank, value in AGREEMENT_VALUES.items():
            line = line.replace(blank, value)
        line = re.sub(r"^- (\d+\.\d+\.)", r"\1", line)  # the regulation's own list marks before 1.1 and 1.2
        assert normal(line) in printed, f"not printed word for word:\n{line}"
    numbers = [line.split(" ")[0] for line in printed if re.match(r"^\d\.\d\. ", line)]
    assert numbers == ["1.1.", "1.2.", "2.1.", "2.2.", "2.3.", "2.5.", "3.1.", "3.2.", "3.3.", "3.4.", "3.5.", "3.6."]
    head = [normal(line).lower() for line in between("Дополнительное соглашение", "ГАПОУ СО «Красноуральский")]
    assert head[0] in printed[0].lower() and printed[1].lower().startswith(head[1])


def test_the_candidates_application_is_appendix_5_word_for_word_prilozhenie_5(app, secretary):
    values = {**get_kind("candidate_application").example_values(), "is_student": True}
    text = docx_text(issue_document("candidate_application", values, secretary).current_version.read_bytes())
    db.session.commit()
    printed = normal(text)
    for phrase in ("(полные ф.и.о. и должность кандидата в наставники)", "ЗАЯВЛЕНИЕ",
                   "Прошу считать меня участвующим в отборе наставников в Программу наставничества",
                   "Контакты кандидата: тел.", "E-mail:", "К заявлению прилагаю:",
                   "согласие родителей (законных представителей) (для наставников-обучающихся)",
                   "С Положением о наставничестве ГАПОУ СО «Красноуральский многопрофильный техникум» ознакомлен.",
                   "Подтверждаю свое согласие на обработку своих персональных данных в порядке, установленном "
                   "законодательством РФ"):
        assert normal(phrase) in printed, phrase
        assert normal(phrase).split(" ")[0] in normal(" ".join(between("Форма заявления кандидата",
                                                                       "Приложение 6.")))

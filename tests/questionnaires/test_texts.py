"""Приложения 7–11 word for word: every questionnaire's title, instruction, each question's number, text and answer
type compared with docs/polozhenie-o-nastavnichestve.txt (after the corrections docs/regulation.md lists); the
seeded questionnaires carry them."""
import re

from sqlalchemy import select

from app.extensions import db
from app.questionnaires.models import AnswerKind, Questionnaire
from app.questionnaires.services import ensure_standard_questionnaires
from app.questionnaires.texts import FREQUENCY_OPTIONS, QUESTIONNAIRES, YES_NO_OPTIONS
from tests.regulation import corrected_text

#: The regulation's blocks in order: two appendices numbered 7, then 8–11; the next one (12) ends the last.
APPENDICES = ["p7_mentee", "p7_mentor", "p8_mentee", "p9_mentor", "p10_mentee", "p11_mentor"]


def regulation_questionnaires():
    """{code: (title, instruction, [(number, kind, text)])} read from the regulation's text."""
    text = corrected_text()
    start = text.index("Приложение 7.\n")
    end = text.index("Приложение 12.")
    blocks = re.split(r"\nПриложение (?:7|8|9|10|11)\.?\n", "\n" + text[start:end])[1:]
    assert len(blocks) == len(APPENDICES)
    found = {}
    for code, block in zip(APPENDICES, blocks, strict=True):
        lines = [line.strip() for line in block.splitlines()
                 if line.strip() and not set(line.strip()) <= {"-", "\t", "|", " "}]
        title = lines[0]
        instruction = next(line for line in lines if line.startswith("Оцените в баллах"))
        questions = []
        for line in lines:
            match = re.match(r"^(\d+)\.\s+(.*)$", line)
            if not match:
                continue
            number, rest = int(match.group(1)), match.group(2)
            if "[да/нет]" in rest:
                kind, rest = AnswerKind.YES_NO, rest.replace("[да/нет]", "")
            elif "\t" in rest and "Очень часто" in rest:
                kind, rest = AnswerKind.FREQUENCY, rest.split("\t")[0]
            elif "\t" in rest:
                assert rest.split("\t")[1:] == [str(n) for n in range(1, 11)], line
                kind, rest = AnswerKind.SCALE, rest.split("\t")[0]
            else:
                kind = AnswerKind.TEXT
            questions.append((number, kind, rest.replace("_____", "").strip()))
        found[code] = (title, instruction, questions)
    return found


def test_the_six_questionnaires_are_the_regulations_word_for_word_prilozhenie_7_11():
    expected = regulation_questionnaires()
    for data in QUESTIONNAIRES:
        title, instruction, questions = expected[data["code"]]
        assert data["title"] == title
        assert data["instruction"] == instruction
        assert [(number, AnswerKind(kind), text) for number, kind, text in data["questions"]] == questions, data["code"]
    assert [len(data["questions"]) for data in QUESTIONNAIRES] == [15, 15, 16, 15, 13, 14]


def test_the_answer_options_are_the_regulations_prilozhenie_8_9():
    text = corrected_text()
    assert "\t".join(FREQUENCY_OPTIONS) in text
    assert f"[{'/'.join(YES_NO_OPTIONS)}]" in text
    assert [label for _, label in AnswerKind.FREQUENCY.options] == ["Очень часто", "Часто", "Редко", "1 - 2 раза",
                                                                    "Никогда"]
    assert [value for value, _ in AnswerKind.SCALE.options] == list(range(1, 11))


def test_the_seeded_questionnaires_carry_the_texts_and_their_forms_8_3(app):
    ensure_standard_questionnaires()
    ensure_standard_questionnaires()  # idempotent
    seeded = {q.code: q for q in db.session.scalars(select(Questionnaire))}
    assert len(seeded) == 9
    expected = regulation_questionnaires()
    for code, (title, _, questions) in expected.items():
        version = seeded[code].current_version
        assert seeded[code].title == title and version.number == 1
        assert [(q.position, q.kind, q.text) for q in version.questions] == questions
        # the free answers are optional («Если да, то где?»), the closed ones required
        assert all(q.required == (q.kind != AnswerKind.TEXT) for q in version.questions)
    assert {code: seeded[code].mentorship_form.code for code in expected} == {
        "p7_mentee": "student_student", "p7_mentor": "student_student", "p8_mentee": "teacher_teacher",
        "p9_mentor": "teacher_teacher", "p10_mentee": "employer_student", "p11_mentor": "employer_student"}
    assert seeded["satisfaction_mentee"].indicator == 4 and seeded["satisfaction_mentor"].indicator == 5
    assert seeded["curator"].appendix is None and seeded["curator"].current_version.questions

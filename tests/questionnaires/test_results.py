"""Results on a small known data set: response rate, each scale's average and distribution, yes/no shares, the
frequency distribution, the free answers, start against end for the same people; the chart with its table; the
.xlsx opened and read; indicators 4 and 5 of Приложение 6 named."""
import io

from openpyxl import load_workbook
from sqlalchemy import select

from app.core.roles import Role
from app.extensions import db
from app.questionnaires import answering
from app.questionnaires.links import withdraw
from app.questionnaires.models import AnswerKind, Dispatch, Phase
from app.questionnaires.results import Filters, results_for
from tests import factories
from tests.helpers import page_text
from tests.questionnaires.fixtures import answer, full_answers, questionnaire, send


def known_answers(quest):
    """Three mentees of «преподаватель – преподаватель»: two answer at the start (scale 4 and 9, yes and no, «Часто»
    and «Никогда»), one of them at the end too (scale 10); the third does not answer."""
    forms = quest.forms
    extra = [factories.make_mentee(person=factories.make_teacher(last_name=name), year=quest.year,
                                   category="new_teacher", form=forms["teacher_teacher"])
             for name in ("Вешкин", "Гусев")]
    start = send("p8_mentee", quest.curator, year=quest.year).dispatch
    by_person = {i.person_id: i for i in start.invitations}
    first, second = by_person[quest.teacher_mentee.person_id], by_person[extra[0].person_id]
    answer(first, scale=4, yes=1, frequency=2, text="Поддержку")
    version = start.version
    posted = full_answers(version, scale=9, yes=0, frequency=5, text="Опыт")
    posted[version.questions[1].field_name] = ""  # «Если да, то где?» left empty
    answering.submit(second, posted, on_paper=True, actor=quest.curator)
    db.session.commit()
    end = send("p8_mentee", quest.curator, year=quest.year, phase="end").dispatch
    answer(next(i for i in end.invitations if i.person_id == first.person_id), scale=10)
    return start.version


def test_the_results_count_average_and_distribute_the_answers_8_3(quest):
    version = known_answers(quest)
    found = results_for(version, Filters(year_id=quest.year.id, phase=Phase.START))
    assert (found.invited, found.answered, found.on_paper, found.rate) == (3, 2, 1, 66.7)
    by_position = {item.question.position: item for item in found.questions}
    scale = by_position[3]
    assert scale.question.kind == AnswerKind.SCALE and scale.answered == 2 and scale.average == 6.5
    assert [(label, count) for label, count, _ in scale.distribution if count] == [("4", 1), ("9", 1)]
    yes_no = by_position[16]
    assert yes_no.distribution == [("да", 1, 50.0), ("нет", 1, 50.0)] and yes_no.yes_share == 50.0
    frequency = by_position[15]
    assert frequency.distribution == [("Очень часто", 0, 0.0), ("Часто", 1, 50.0), ("Редко", 0, 0.0),
                                      ("1 - 2 раза", 0, 0.0), ("Никогда", 1, 50.0)]
    where = by_position[2]
    assert where.text_count == 1 and where.texts == ["Поддержку"]
    # start against end: the one person who answered both
    assert found.start_end_people == 1
    assert found.start_end[0][1:] == (4.0, 10.0)
    # both phases together, and the form filter
    both = results_for(version, Filters(year_id=quest.year.id))
    assert (both.invited, both.answered) == (6, 3)
    other_form = results_for(version, Filters(form_id=quest.forms["student_student"].id))
    assert (other_form.invited, other_form.answered) == (0, 0)


def test_a_withdrawn_dispatchs_unanswered_links_do_not_count_as_invited_8_3(quest):
    """A withdrawn dispatch's links can no longer be answered: they do not lower the response rate; the answers
    given before the withdrawal stay and count."""
    version = known_answers(quest)
    end = db.session.scalars(select(Dispatch).where(Dispatch.version_id == version.id,
                                                    Dispatch.phase == Phase.END)).one()
    withdraw(end, quest.curator)
    db.session.commit()
    found = results_for(version, Filters(year_id=quest.year.id, phase=Phase.END))
    assert (found.invited, found.answered, found.rate) == (1, 1, 100.0)


def test_the_results_page_shows_each_chart_with_its_table_and_the_xlsx_reads_the_same(quest, client, auth):
    version = known_answers(quest)
    auth.login_as(quest.curator)
    found = questionnaire("p8_mentee")
    page = client.get(f"/questionnaires/{found.id}/results?year_id={quest.year.id}&phase=start")
    text, html = page_text(page), page.get_data(as_text=True)
    assert "Ссылок выдано 3" in text and "Ответов 2 (из них на бумаге: 1)" in text and "66,7 %" in text
    assert "среднее: 6,50" in text
    # 10 scales, 2 yes/no, 1 frequency: a chart and its table each
    assert html.count('data-testid="chart"') == html.count('data-testid="distribution"') == 13
    assert "Показатели 4 и 5 Приложения 6" in text
    assert "В начале" in text and "4,00" in text and "10,00" in text
    export = client.get(f"/questionnaires/{found.id}/results.xlsx?year_id={quest.year.id}&phase=start")
    assert export.status_code == 200
    book = load_workbook(io.BytesIO(export.data), read_only=True)
    summary = {row[0]: row[1] for row in book["Итоги"].iter_rows(min_row=2, values_only=True)}
    assert summary["Ответов"] == 2 and summary["Доля ответивших, %"] == 66.7
    questions = list(book["Вопросы"].iter_rows(min_row=2, values_only=True))
    assert questions[2][:5] == (3, version.questions[2].text, "шкала от 1 до 10", 2, 6.5)
    texts = [row[2] for row in book["Свободные ответы"].iter_rows(min_row=2, values_only=True)]
    assert sorted(texts) == ["Опыт", "Опыт", "Поддержку", "Поддержку", "Поддержку"]


def test_the_satisfaction_results_name_what_feeds_indicator_4_prilozhenie_6(quest, client, auth):
    dispatch = send("satisfaction_mentee", quest.curator, year=quest.year, phase="end", target="year",
                    form=None).dispatch
    assert len(dispatch.invitations) == 3  # every form: a satisfaction questionnaire is everyone's
    first, second, third = dispatch.invitations
    answer(first, yes=1)
    answer(second, yes=1)
    answer(third, yes=0)
    auth.login_as(quest.curator)
    found = questionnaire("satisfaction_mentee")
    text = page_text(client.get(f"/questionnaires/{found.id}/results"))
    assert "Показатель 4 Приложения 6" in text
    assert "Его питает вопрос 1 «Удовлетворены ли Вы участием в программе наставничества?»" in text
    assert "66,7 %" in text


def test_only_the_readers_of_the_bases_see_results(quest, client, auth, make_user):
    found = questionnaire("p7_mentee")
    auth.login_as(make_user(Role.COMMISSION))
    assert client.get(f"/questionnaires/{found.id}/results").status_code == 403
    auth.login_as(make_user(Role.DIRECTOR))
    assert client.get(f"/questionnaires/{found.id}/results").status_code == 200


def test_the_running_counts_equal_a_recount_from_the_answers_8_3(quest):
    from sqlalchemy import select

    from app.questionnaires import tallies
    from app.questionnaires.models import PairTally, Tally

    version = known_answers(quest)

    def snapshot():
        db.session.expire_all()
        counts = sorted((t.dispatch_id, t.mentorship_form_id, t.question_id, t.value, t.count)
                        for t in db.session.scalars(select(Tally)) if t.count)
        pairs = sorted((p.program_year_id, p.mentorship_form_id, p.question_id, p.people, p.start_sum, p.end_sum)
                       for p in db.session.scalars(select(PairTally)))
        return counts, pairs

    kept = snapshot()
    tallies.rebuild(version)
    db.session.commit()
    assert snapshot() == kept and kept[1]  # the pair of the start and end answers is counted too

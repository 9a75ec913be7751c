"""`flask documents render` and the converter commands, for administrators and scripts."""
import json

from app.documents.kinds import get_kind
from app.documents.models import Document
from app.documents.pdf import EXTENSION_KEY, make_converter
from app.extensions import db
from tests.documents.helpers import docx_text


def test_render_a_kind_from_a_json_file_to_docx_and_pdf(runner, tmp_path, real_pdf):
    data = tmp_path / "замена.json"
    data.write_text(json.dumps(get_kind("order_replace_mentor").example_values(), ensure_ascii=False),
                    encoding="utf-8")
    out, pdf = tmp_path / "приказ.docx", tmp_path / "приказ.pdf"
    result = runner.invoke(args=["documents", "render", "order_replace_mentor", "--data", str(data),
                                 "--out", str(out), "--pdf", str(pdf), "--number", "7-од"])
    assert result.exit_code == 0, result.output
    text = docx_text(out.read_bytes())
    assert "№ 7-од" in text and "Назначить наставником Кузьмич Анны Сергеевны" in text
    assert pdf.read_bytes().startswith(b"%PDF")
    assert db.session.query(Document).count() == 0


def test_render_refuses_bad_input_with_a_message(runner, tmp_path):
    data = tmp_path / "data.json"
    data.write_text(json.dumps({"doc_date": "2026-09-01"}), encoding="utf-8")
    result = runner.invoke(args=["documents", "render", "order_replace_mentor", "--data", str(data),
                                 "--out", str(tmp_path / "x.docx")])
    assert result.exit_code != 0 and "Заполните поле «Наставляемый»" in result.output
    result = runner.invoke(args=["documents", "render", "no_such_kind", "--data", str(data),
                                 "--out", str(tmp_path / "x.docx")])
    assert result.exit_code != 0 and "documents kinds" in result.output
    data.write_text("{не json", encoding="utf-8")
    result = runner.invoke(args=["documents", "render", "letter_of_thanks", "--data", str(data),
                                 "--out", str(tmp_path / "x.docx")])
    assert result.exit_code != 0 and "Не удалось прочитать JSON" in result.output


def test_converter_status_and_stop_when_nothing_runs(app, runner, tmp_path):
    app.config["PDF_CONVERTER_DIR"] = str(tmp_path)
    app.extensions[EXTENSION_KEY] = make_converter(app.config)
    result = runner.invoke(args=["documents", "converter", "status"])
    assert result.exit_code == 1 and "не запущен" in result.output
    assert "не был запущен" in runner.invoke(args=["documents", "converter", "stop"]).output

"""Issue 11, findings 1 and 4: an import file costs what it holds, never what it claims; hostile XML is refused.

The work is counted, not timed (bench/bench_hostile_upload.py times it against gunicorn): every cell openpyxl
hands to the import passes through ReadOnlyWorksheet._cells_by_row, which the tests wrap with a counter that
gives up past a million cells — the unbounded reader of the finding would need 17 billion for the attack file.
"""
import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from sqlalchemy import select

from app.excel import workbook
from app.excel.models import ImportBatch
from app.extensions import db
from tests.excel.workbooks import upload
from tests.helpers import page_text
from tests.security import hostile
from tests.security.conftest import assert_nothing_stored, snapshot

CELL_BUDGET = 1_000_000


class TooMuchWork(Exception):
    pass


@pytest.fixture
def cells_read(monkeypatch):
    """How many cells openpyxl yielded to the import; past CELL_BUDGET the read is stopped as unbounded."""
    counted = {"cells": 0}
    original = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            counted["cells"] += len(row)
            if counted["cells"] > CELL_BUDGET:
                raise TooMuchWork(f"more than {CELL_BUDGET} cells read")
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    return counted


def test_the_dimension_bomb_is_refused_reading_only_what_the_file_holds(client, curator, cells_read):
    """Finding 1: a 4.7 KB sheet claiming A1:XFD1048576 with its last row at 1,048,576."""
    data = hostile.dimension_bomb()
    assert len(data) < 8000
    before = snapshot()
    response = upload(client, "people", data)
    assert response.status_code == 200
    assert "нет ни одной заполненной строки" in page_text(response)
    assert cells_read["cells"] < 100_000
    assert_nothing_stored(before)


def test_rows_of_whitespace_are_not_read_to_the_end(client, curator, cells_read):
    """Finding 1: 200,000 rows of a space each — empty to the import, yet each was read (and the file stored)."""
    before = snapshot()
    response = upload(client, "people", hostile.whitespace_rows())
    assert response.status_code == 200
    text = page_text(response)
    assert "сжат" in text or "нет ни одной заполненной строки" in text
    assert cells_read["cells"] < 100_000
    assert_nothing_stored(before)


def test_a_part_that_inflates_beyond_the_limit_is_refused_before_it_is_opened(client, curator, monkeypatch):
    opened = []
    monkeypatch.setattr(workbook, "load_workbook", lambda *args, **kwargs: opened.append(1))
    before = snapshot()
    response = upload(client, "people", hostile.zip_bomb_xlsx())
    assert response.status_code == 200
    assert "распаковке" in page_text(response)
    assert not opened
    assert_nothing_stored(before)


def test_the_preview_never_reads_the_file_again(client, curator, monkeypatch):
    """Finding 1: the file is parsed once, on upload; the preview shows the rows kept then."""
    response = upload(client, "people", hostile.small_xlsx())
    assert response.status_code == 302
    batch = db.session.scalar(select(ImportBatch))

    def no_second_read(*args, **kwargs):
        raise AssertionError("the preview read the file again")

    monkeypatch.setattr(workbook, "load_workbook", no_second_read)
    monkeypatch.setattr(ImportBatch, "read_bytes", no_second_read)
    for _ in range(2):
        text = page_text(client.get(f"/excel/import/{batch.id}"))
        assert "Иванов Иван Иванович" in text and "Ошибок нет: строк к загрузке — 1" in text
    response = client.post(f"/excel/import/{batch.id}/confirm", follow_redirects=True)
    assert "Файл загружен" in page_text(response)


@pytest.mark.parametrize("name", ["billion_laughs_xlsx", "external_entity_xlsx", "broken_xml_xlsx",
                                  "external_entity_shared_strings"])
def test_hostile_xml_is_refused_in_russian_and_nothing_stored(client, curator, name):
    """Finding 4: a DTD with nested entities, an external entity, XML cut in the middle — each answered 500."""
    before = snapshot()
    response = upload(client, "people", getattr(hostile, name)())
    assert response.status_code == 200
    text = page_text(response)
    assert "root:" not in text
    assert "не является книгой Excel" in text or "недопустим" in text
    assert_nothing_stored(before)

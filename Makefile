# The two set-up commands of README: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
VENV := .venv
#: unoserver's server runs under the system Python that has LibreOffice's uno module (DOCX -> PDF).
UNO_VENV := .venv-uno
PYTHON_BIN := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
PORT ?= 5000
HOST ?= 127.0.0.1
PYTEST_ARGS ?=

# Debian/Ubuntu packages: the venv itself, LibreOffice for DOCX->PDF, wkhtmltopdf for HTML reports,
# the fonts the templates use, libmagic for upload sniffing, Chromium for the browser tests, pg_dump/pg_restore
# for `flask --app wsgi backup` on PostgreSQL.
APT_PACKAGES := python3-venv python3-uno libreoffice-writer-nogui wkhtmltopdf poppler-utils libmagic1 \
	fonts-liberation fonts-dejavu-core fonts-crosextra-carlito fonts-crosextra-caladea chromium postgresql-client

.PHONY: run test test-fast install system-packages lint bench bench-all seed-demo clean help

help:
	@echo "make run   — установить недостающее, применить миграции и запустить интранет (http://$(HOST):$(PORT))"
	@echo "make test  — установить недостающее и запустить все тесты (SQLite и PostgreSQL)"
	@echo "make test-fast — тесты изменённых доменов на SQLite, до первой ошибки (для работы над кодом)"

install: system-packages $(VENV)/.installed $(UNO_VENV)/.installed

system-packages:
	@scripts/ensure-system-packages.sh $(APT_PACKAGES)

$(VENV)/.installed: requirements.txt scripts/ensure-venv.sh
	@scripts/ensure-venv.sh $(VENV)
	@touch $@

$(UNO_VENV)/.installed: requirements.txt scripts/ensure-uno-venv.sh
	@scripts/ensure-uno-venv.sh $(UNO_VENV)
	@touch $@

run: install
	$(FLASK) db upgrade
	$(FLASK) ensure-admin
	@# The converter ends with this recipe's shell (--owner): Ctrl+C, or SIGTERM to make's process group, stops it.
	@trap '$(FLASK) documents converter stop >/dev/null 2>&1' EXIT; \
	$(FLASK) documents converter start --owner $$$$ || echo "Конвертер PDF не запустился: документы выпускаются в DOCX, PDF — позже."; \
	echo "Интранет: http://$(HOST):$(PORT)  (остановить: Ctrl+C)"; \
	$(FLASK) run --host $(HOST) --port $(PORT) --no-debugger --no-reload

test: install
	$(PYTHON_BIN) scripts/run_tests.py $(PYTEST_ARGS)

#: The edit loop: SQLite only, -x, the tests of the domains changed since main (everything if a shared part changed).
test-fast: install
	$(PYTHON_BIN) scripts/run_tests.py --fast $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

seed-demo: install
	$(FLASK) db upgrade
	$(FLASK) seed-demo

#: PostgreSQL databases the benchmarks drop and create again (docs/performance.md).
BENCH_PG ?= postgresql://postgres@127.0.0.1:5432/bench_pages
BENCH_LOAD_PG ?= postgresql://postgres@127.0.0.1:5432/bench_load
#: Issue 12's benchmarks, each run even if one before it missed its goal; non-zero when any goal is missed.
BENCH_STEPS := "bench/seed.py 10" "bench/pages.py" "bench/pages.py --database-url $(BENCH_PG)" \
	"bench/bench_issue.py" "bench/load/run.py --database-url $(BENCH_LOAD_PG)"

bench: install
	@failed=0; for step in $(BENCH_STEPS); do echo "== $$step"; $(PYTHON_BIN) $$step || failed=$$((failed + 1)); done; \
	if [ $$failed -ne 0 ]; then echo "Не достигнуты цели в замерах: $$failed (docs/performance.md)."; exit 1; fi

#: The benchmarks of the engine and the bases (PDF, ZIP, hostile uploads, list pages at 10,000 people) too.
bench-all: bench
	@for script in bench/bench_bases.py bench/bench_documents.py bench/bench_hostile_upload.py; do \
		echo "== $$script"; $(PYTHON_BIN) $$script || exit 1; done

clean:
	rm -rf $(VENV) $(UNO_VENV) .pytest_cache .ruff_cache

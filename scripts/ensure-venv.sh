#!/usr/bin/env bash
# Create the project's virtual environment with Python 3.11+ and install requirements.txt into it.
set -euo pipefail
venv=${1:-.venv}

pick_python() {
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

if [[ ! -x "$venv/bin/python" ]]; then
  python=$(pick_python) || { echo "Нужен Python 3.11 или новее (пакет python3)." >&2; exit 1; }
  echo "Создаю $venv ($($python --version))"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
echo "Python-пакеты установлены в $venv"

#!/usr/bin/env bash
# Create the venv the PDF converter's server runs in: unoserver under the system Python that has
# LibreOffice's `uno` module (python3-uno), so --system-site-packages. The version is requirements.txt's.
set -euo pipefail
venv=${1:-.venv-uno}
version=$(grep -i '^unoserver==' requirements.txt | cut -d= -f3)
system_python=${UNO_PYTHON:-/usr/bin/python3}

if ! "$system_python" -c 'import uno' 2>/dev/null; then
  echo "У $system_python нет модуля uno: установите пакет python3-uno (он ставится с libreoffice-writer-nogui)." >&2
  exit 1
fi
if [[ ! -x "$venv/bin/python" ]]; then
  echo "Создаю $venv для конвертера PDF (unoserver $version)"
  "$system_python" -m venv --system-site-packages "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "unoserver==$version"
echo "Конвертер PDF установлен в $venv"

#!/usr/bin/env bash
# Install the Debian/Ubuntu packages given as arguments that are not installed yet.
# As root: apt-get update once, then apt-get install. Otherwise: say exactly what to run.
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Не Debian/Ubuntu: установите вручную аналоги пакетов: $*" >&2
  echo "(LibreOffice, wkhtmltopdf, шрифты Liberation, libmagic, Chromium, python3-venv)" >&2
  exit 0
fi

missing=()
for package in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Не хватает системных пакетов: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "Установите их от имени администратора и повторите команду:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

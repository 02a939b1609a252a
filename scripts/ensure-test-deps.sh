#!/usr/bin/env bash
# Installs the system programs the test suite drives for real: Chromium (PDF and HTML rendering),
# mydumper/myloader (migration), poppler-utils (reading PDFs back), the MariaDB server binaries
# (tests start their own servers). Runs apt-get only when something is missing.
set -euo pipefail

declare -A needs=(
  [chromium]=chromium
  [mydumper]=mydumper
  [myloader]=mydumper
  [pdftotext]=poppler-utils
  [pdftoppm]=poppler-utils
  [mariadbd]=mariadb-server
  [mariadb]=mariadb-client
)
missing=()
for program in "${!needs[@]}"; do
  if ! command -v "$program" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$program" ]; then
    missing+=("${needs[$program]}")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need these Debian packages: $packages" >&2
  echo "Install them with: sudo apt-get install -y $packages" >&2
  exit 1
fi
echo "Installing test prerequisites: $packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $packages >/dev/null

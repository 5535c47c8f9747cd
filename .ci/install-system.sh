#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing: Chromium for browser tests, CJK and
# Arabic-script fonts (Chinese and Uyghur text in screenshots and PDFs), poppler-utils (pdftotext).
set -euo pipefail
packages=(chromium fonts-noto-cjk fonts-noto-core poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Installs what the end-to-end tier needs from Debian's packages when it is missing:
# Chromium (Playwright cannot download its own browser offline), CJK fonts (without
# them every Chinese glyph renders as a box) and poppler-utils (PDF checks).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  echo "浏览器与中文字体已就绪：$(chromium --version 2>/dev/null | head -n1)"
  exit 0
fi
echo "安装端到端测试所需的软件包：${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "需要 root 权限安装：apt-get install -y ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
fc-cache -f >/dev/null 2>&1 || true
echo "已安装：${missing[*]}"

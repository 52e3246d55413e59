#!/bin/sh
# One-time set-up, run by `make build` / `make test` when needed. Idempotent.
set -eu
cd "$(dirname "$0")/.."

# 1. Debian packages (only those missing; needs root or sudo)
missing=""
for pkg in $(sed 's/#.*//' scripts/system-packages.txt); do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "安装系统软件包：$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# 2. Python environment with the locked dependencies
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
# a .venv that is a dangling or looping link (a worktree's, committed by mistake) is no environment
if [ -L .venv ] && [ ! -x .venv/bin/python ]; then rm -f .venv; fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
touch .venv/.zhi-setup
echo "环境已就绪：.venv"

# 3. In a git checkout: merge the archive's record files record by record (see .gitattributes)
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git config merge.zhi-records.name "zhi：按记录编号合并档案 YAML"
  git config merge.zhi-records.driver ".venv/bin/zhi merge-records %O %A %B %P"
fi

#!/usr/bin/env bash
# Set up SMM Lab on this machine and open the course in JupyterLab.
# Safe to run twice: it only installs what changed.
#   bash scripts/setup.sh            set up, then open JupyterLab on course/
#   bash scripts/setup.sh --no-lab   set up only (used by the test command)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
OPEN_LAB=1
for arg in "$@"; do
  case "$arg" in
    --no-lab) OPEN_LAB=0 ;;
    *) echo "setup.sh: unknown option '$arg' (allowed: --no-lab)" >&2; exit 2 ;;
  esac
done

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in python3.13 python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PY=$(command -v "$cand"); break
    fi
  done
fi
if [ -z "$PY" ]; then
  echo "setup.sh: SMM Lab needs Python 3.11 or newer; install it and run this again (or set PYTHON=/path/to/python3.11)." >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating the virtual environment in .venv"
  "$PY" -m venv "$VENV"
fi

STAMP="$VENV/.smm-lab-installed"
WANT=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  echo "==> installing SMM Lab and its dependencies (first run takes a few minutes)"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -e ".[dev]"
  echo "$WANT" > "$STAMP"
else
  echo "==> dependencies already installed"
fi

if [ -f "$ROOT/scripts/post_install.sh" ]; then
  bash "$ROOT/scripts/post_install.sh"
fi

if [ "$OPEN_LAB" = 1 ]; then
  echo "==> opening the course in JupyterLab (Ctrl+C to stop)"
  EXTRA=()
  if [ "$(id -u)" = 0 ]; then EXTRA+=(--allow-root); fi
  if [ -z "${DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then EXTRA+=(--no-browser); fi
  cd "$ROOT"
  # the venv's tools first on PATH: nbgrader's formgrader calls the alembic command
  export PATH="$VENV/bin:$PATH"
  exec "$VENV/bin/jupyter" lab --notebook-dir="$ROOT" --LabApp.default_url="/lab/tree/course" "${EXTRA[@]}"
fi

#!/usr/bin/env bash
# Set up SMM Lab if needed, then run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-lab
bash scripts/install_browser.sh
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" = 5 ]; then
  echo "test.sh: pytest collected no tests; that is a failure, not a pass." >&2
  exit 1
fi
exit "$rc"

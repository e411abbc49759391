#!/usr/bin/env bash
# After installing: make the folders the nbgrader extensions in JupyterLab expect.
# The local exchange lives inside the course (graders/exchange, git-ignored); nbgrader's
# default exchange (/srv/nbgrader/exchange) is not writable on most machines.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p graders/exchange
chmod 0777 graders/exchange

# JupyterLab settings for this course's environment (the venv's settings overrides): no
# "get notified about official Jupyter news?" pop-up and no news fetched: the course works offline.
mkdir -p .venv/share/jupyter/lab/settings
cat > .venv/share/jupyter/lab/settings/overrides.json <<'JSON'
{
  "@jupyterlab/apputils-extension:notification": {
    "fetchNews": "false",
    "checkForUpdates": false
  }
}
JSON

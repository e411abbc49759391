#!/usr/bin/env bash
# After installing: make the folders the nbgrader extensions in JupyterLab expect.
# The local exchange lives inside the course (graders/exchange, git-ignored); nbgrader's
# default exchange (/srv/nbgrader/exchange) is not writable on most machines.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p graders/exchange
chmod 0777 graders/exchange

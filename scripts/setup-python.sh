#!/usr/bin/env bash
# Installs the pinned Python tools (requirements.txt) into .venv.
# The venv sees the system's site-packages, so a machine that already has them
# installs nothing and needs no network; elsewhere pip fetches them from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "setup-python: '$PYTHON' not found. Install Python 3.9+ (it runs cfn-lint and the moto emulator), or set PYTHON=/path/to/python3." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv --system-site-packages .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/python -c "import moto, cfnlint; print('setup-python: moto', moto.__version__, '/ cfn-lint', cfnlint.version.__version__, 'ready in .venv')"

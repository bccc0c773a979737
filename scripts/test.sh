#!/usr/bin/env bash
# Runs the full test suite (unit and integration) against local PostgreSQL, Redis and a loopback
# SMTP server started by the tests themselves. Installs and starts what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/local-services.sh
ensure_postgres
ensure_redis
ensure_node_modules
npm test

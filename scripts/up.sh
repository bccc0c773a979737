#!/usr/bin/env bash
# Runs Tsunagu with everything it needs.
#  - With a Docker engine: `docker compose up --build` (Postgres, Redis, Mailpit at :8025, service at :3000).
#  - Without one: local PostgreSQL and Redis (installed and started if missing), emails written as
#    .eml files under var/mail, the queue worker in the same process.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  exec docker compose up --build
fi

source scripts/local-services.sh
log "no Docker engine: using local services"
ensure_postgres
ensure_redis
ensure_node_modules
if [ ! -f .env ]; then
  log "writing .env from .env.example with a fresh JWT secret"
  sed "s/^JWT_SECRET=.*/JWT_SECRET=$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")/" .env.example > .env
fi
# Read .env the way the service does (Node's parser), not with the shell's.
env_value() { node -e "process.loadEnvFile('.env'); console.log(process.env[process.argv[1]] ?? '')" "$1"; }
database_url=$(env_value DATABASE_URL)
ensure_database "$(node -e "console.log(new URL(process.argv[1]).pathname.slice(1))" "${database_url:-postgres://postgres@127.0.0.1:5432/tsunagu}")"
log "starting the service on $(env_value PUBLIC_URL) (GraphQL at /graphql); Ctrl-C stops it"
exec npm start

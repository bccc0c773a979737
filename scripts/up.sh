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
set -a; source .env; set +a
ensure_database "$(node -e "console.log(new URL(process.argv[1]).pathname.slice(1))" "$DATABASE_URL")"
log "starting the service on ${PUBLIC_URL} (GraphQL at /graphql); Ctrl-C stops it"
exec npm start

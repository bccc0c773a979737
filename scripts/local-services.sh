#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1, installing (Debian) and starting them if needed.
# Sourced by scripts/up.sh, scripts/test.sh and .ci/run.
set -euo pipefail

log() { printf '\033[1m[tsunagu]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1
  fi
}

postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then as_root apt-get update -qq; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  postgres_up && return 0
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "installing PostgreSQL"
    apt_install postgresql postgresql-client
  fi
  log "starting PostgreSQL"
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  # Local development trusts loopback connections, as on the reference machine.
  if ! grep -q '^host all all 127.0.0.1/32 trust' "/etc/postgresql/$version/main/pg_hba.conf"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do postgres_up && return 0; sleep 1; done
  log "PostgreSQL did not start"; return 1
}

ensure_redis() {
  redis_up && return 0
  if ! command -v redis-server >/dev/null; then
    log "installing Redis"
    apt_install redis-server
  fi
  log "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/tsunagu.log
  for _ in $(seq 1 30); do redis_up && return 0; sleep 1; done
  log "Redis did not start"; return 1
}

ensure_database() {
  local name=$1
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    log "creating database $name"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE \"$name\""
  fi
}

ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages"
    # `npm install`, not `npm ci`: the lock file cannot list the other platforms' optional
    # binaries (@swc/core-darwin-*, …) that this registry does not serve, and `npm ci` refuses
    # a lock file without them. `npm install` still installs the locked versions.
    npm install --no-audit --no-fund
  fi
}

#!/bin/sh
# Entrypoint of the boardcms image.
#   `migrate`            apply migrations and seed base data, then exit (a one-shot job)
#   RUN_MIGRATIONS=true  do the same before starting the command (single-instance setups)
# Lucid holds a MariaDB lock while migrating: of several instances migrating at
# once one wins and the others fail to get the lock, so they retry and then find
# nothing left to do.
set -eu

migrate() {
  attempt=1
  until node ace migration:run --force; do
    if [ "$attempt" -ge 10 ]; then
      echo "migrations failed after $attempt attempts" >&2
      exit 1
    fi
    attempt=$((attempt + 1))
    sleep 3
  done
  node ace db:seed
}

if [ "${1:-}" = "migrate" ]; then
  migrate
  exit 0
fi

if [ "${RUN_MIGRATIONS:-false}" = "true" ]; then
  migrate
fi

exec "$@"

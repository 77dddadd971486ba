#!/usr/bin/env bash
# Starts MariaDB and Redis when they are not answering, then creates the
# test database. Used by .ci/run and handy on a developer machine.
set -euo pipefail

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 60); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$what did not come up" >&2
  return 1
}

if ! mysqladmin -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  echo "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for MariaDB "mysqladmin -h127.0.0.1 -uroot ping"
fi

if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis "redis-cli -h 127.0.0.1 ping"
fi

mysql -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS board_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
echo "MariaDB and Redis are up"

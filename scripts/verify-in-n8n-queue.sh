#!/usr/bin/env bash
# The queue-mode check of the cursor in a Data table (issue 11; not part of CI): n8n in queue mode —
# one main instance and two workers sharing PostgreSQL and Redis, all on 127.0.0.1 — with this
# package installed in every process's user folder. The orders template is activated on a short
# schedule; between its scheduled executions new orders come in and one is edited. Afterwards every
# store order must be in the back office exactly once, every execution must have succeeded, and
# the executions must have run on both workers.
#
#   bash scripts/verify-in-n8n-queue.sh [version] [runs]     # default 2.41.1, 8
#
# Needs PostgreSQL and Redis from Debian (apt-get install postgresql redis-server); it starts its
# own instances on 127.0.0.1 (PostgreSQL on port 5499, Redis on 6399) with data under $N8N_REAL_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-2.41.1}"
runs="${2:-8}"
. scripts/verify-in-n8n/lib.sh

work="$real/queue-$version"
rm -rf "$work" && mkdir -p "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] && command -v redis-server >/dev/null || { echo "needs: apt-get install postgresql redis-server" >&2; exit 1; }

echo "== PostgreSQL and Redis on 127.0.0.1"
mkdir -p "$work/pg" "$work/pg-log" && chown postgres "$work/pg" "$work/pg-log"
su postgres -c "$pg_bin/initdb -D '$work/pg' -U n8n --auth=trust >/dev/null"
su postgres -c "$pg_bin/pg_ctl -D '$work/pg' -o '-p 5499 -k /tmp -c listen_addresses=127.0.0.1' -l '$work/pg-log/postgres.log' start >/dev/null"
trap 'su postgres -c "$pg_bin/pg_ctl -D \"$work/pg\" stop -m fast" >/dev/null 2>&1 || true; redis-cli -p 6399 shutdown nosave >/dev/null 2>&1 || true; cleanup' EXIT
su postgres -c "psql -h 127.0.0.1 -p 5499 -U n8n -d postgres -c 'CREATE DATABASE n8n' >/dev/null"
redis-server --port 6399 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$work" --logfile "$work/redis.log"

echo "== n8n $version"
node_bin=$(node_for "$version")
echo "   node $("$node_bin" --version)"
install_n8n "$version" "$node_bin"
n8n=("$node_bin" "$real/n8n-$version/node_modules/n8n/bin/n8n")
pack_package

export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=5499 DB_POSTGRESDB_DATABASE=n8n \
	DB_POSTGRESDB_USER=n8n DB_POSTGRESDB_PASSWORD=n8n EXECUTIONS_MODE=queue QUEUE_BULL_REDIS_HOST=127.0.0.1 \
	QUEUE_BULL_REDIS_PORT=6399 N8N_ENCRYPTION_KEY=verify-in-n8n-queue-mode-key N8N_LOG_LEVEL=debug
export_n8n_settings
for role in main worker1 worker2; do install_package "$work/$role"; done

echo "-- sandboxes"
start_sandboxes "$work" 150
echo "-- credentials (n8n import:credentials)"
N8N_USER_FOLDER="$work/main" "${n8n[@]}" import:credentials --input="$work/credentials.json" 2>&1 | tail -1

echo "-- main and two workers"
# Each process has its own task broker port (n8n 2.x starts one even with runners off).
N8N_USER_FOLDER="$work/main" N8N_PORT=5698 N8N_RUNNERS_BROKER_PORT=5781 "${n8n[@]}" start > "$work/main.log" 2>&1 &
pids+=($!)
wait_healthy "http://127.0.0.1:5698" || { tail -40 "$work/main.log"; exit 1; }
for n in 1 2; do
	N8N_USER_FOLDER="$work/worker$n" QUEUE_HEALTH_CHECK_PORT=$((5698 + n)) N8N_RUNNERS_BROKER_PORT=$((5781 + n)) "${n8n[@]}" worker --concurrency=1 > "$work/worker$n.log" 2>&1 &
	pids+=($!)
	worker_pid[$n]=$!
done
sleep 20

npx tsx scripts/verify-in-n8n/drive.ts "http://127.0.0.1:5698" "$(cat "$work/control-url")" "$real/n8n-$version" --every 10 --queue "$runs" &
drive=$!
# Bull hands each job to whichever worker is idle first, so one worker may take them all. Once a
# worker has run three executions it is stopped gracefully (as in a rolling update): the rest must
# run on the other worker and find the cursor in the database, not in anything the first one held.
started() { (grep -oE 'Worker started execution [0-9]+' "$work/worker$1.log" || true) | (grep -oE '[0-9]+$' || true) | sort -un | wc -l; }
for _ in $(seq 1 300); do
	for n in 1 2; do
		if [ "$(started "$n")" -ge 3 ]; then
			kill -TERM "${worker_pid[$n]}" 2>/dev/null && echo "-- worker $n stopped after three executions; the other worker runs the rest"
			break 2
		fi
	done
	kill -0 "$drive" 2>/dev/null || break
	sleep 1
done
wait "$drive" || status=1
for n in 1 2; do
	ran=$(started "$n")
	echo "worker $n ran $ran executions"
	[ "$ran" -gt 0 ] || status=1
done
exit "${status:-0}"

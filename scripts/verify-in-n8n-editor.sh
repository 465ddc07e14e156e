#!/usr/bin/env bash
# Walks the README's setup steps in real n8n editors, screen by screen, as a new user does (not part
# of CI: it needs the n8n installs of verify-in-n8n.sh, ~2 GB each, and Debian's Chromium). For each
# version: a fresh n8n user folder with this package installed, the sandboxes, n8n started, then
# scripts/verify-in-n8n/editor.ts drives the editor in headless Chromium through every step the
# README names — install check, both credentials, the Data table, importing a template, picking the
# table and the credentials, the run, the error branch, activation — checks that each screen shows
# what the README says, and saves a screenshot per step (1280×800) under $N8N_REAL_DIR/editor-<version>/.
# It also builds the workflow of issue 21 from the nodes panel with n8n's default names (Schedule
# Trigger → Get changed orders → Create orders, no expression edited, no store slot on the push node)
# and runs it, and looks at what that issue names: the trigger listed whole beside the actions,
# credential names and the Connect button, subtitles, the "Window" output label, the warehouse
# notice, Set Stock's Quantity, the OAuth2 and webhook credential forms, and every template.
#
#   bash scripts/verify-in-n8n-editor.sh [version ...]        # default: 1.123.81 2.41.1
#   KEEP=1 bash scripts/verify-in-n8n-editor.sh 2.41.1         # leave n8n and the sandboxes running
#
# Needs /usr/bin/chromium (Debian's chromium package); Playwright drives it (playwright-core, a dev
# dependency, downloads no browser). Everything listens on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(1.123.81 2.41.1)

. scripts/verify-in-n8n/lib.sh

echo "== build and pack the package"
pack_package

status=0
port="${N8N_PORT:-5688}"
for version in "${versions[@]}"; do
	echo "== n8n $version"
	node_bin=$(node_for "$version")
	install_n8n "$version" "$node_bin"
	work="$real/editor-$version"
	rm -rf "$work" && mkdir -p "$work/home" "$work/screens"
	export_n8n_settings
	export N8N_USER_FOLDER="$work/home" N8N_PORT="$port"
	install_package "$work/home"
	start_sandboxes "$work" 60
	"$node_bin" "$real/n8n-$version/node_modules/n8n/bin/n8n" start > "$work/n8n.log" 2>&1 &
	n8n_pid=$!
	pids+=($n8n_pid)
	url="http://127.0.0.1:$port"
	wait_healthy "$url" || { tail -40 "$work/n8n.log"; status=1; continue; }
	if [ -n "${KEEP:-}" ]; then echo "n8n $version at $url, sandboxes: $work/credentials.json; Ctrl-C ends"; wait "$n8n_pid"; fi
	npx tsx scripts/verify-in-n8n/editor.ts "$url" "$work" "$version" || status=1
	kill "$n8n_pid" 2>/dev/null || true
	wait "$n8n_pid" 2>/dev/null || true
	cleanup
	pids=()
	port=$((port + 1))
done
exit $status

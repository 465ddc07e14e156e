#!/usr/bin/env bash
# Checks the packed package in a real n8n (not part of CI: it installs n8n, ~2 GB, and builds sqlite3):
# installs n8n 1.123.x into a scratch folder, installs this package's tarball into that n8n's user
# folder as a community package, checks n8n loads both nodes and credentials, imports both templates
# (inactive), and runs the orders template through the n8n CLI against the local sandboxes twice:
# a first sync and an incremental one, each committing the sync state.
#
#   bash scripts/verify-in-n8n.sh [n8n-version]      # default 1.123.81
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.123.81}"
scratch="${SCRATCH:-/tmp/ec-verify-n8n}"
export N8N_USER_FOLDER="$scratch/home" N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
	N8N_RUNNERS_ENABLED=false N8N_EXPRESSION_ENGINE=legacy N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
mkdir -p "$scratch/n8n" "$N8N_USER_FOLDER/.n8n/nodes"

echo "== n8n $version"
if [ ! -x "$scratch/n8n/node_modules/.bin/n8n" ]; then
	# n8n 1.x pulls xlsx from its vendor's CDN; the registry's last xlsx release stands in for it here.
	printf '{"private":true,"dependencies":{"n8n":"%s"},"overrides":{"xlsx":"0.18.5"}}\n' "$version" > "$scratch/n8n/package.json"
	(cd "$scratch/n8n" && npm install --no-audit --no-fund --ignore-scripts && npm rebuild sqlite3 --build-from-source)
fi
n8n="$scratch/n8n/node_modules/.bin/n8n"

echo "== pack and install this package"
npm run build >/dev/null
tarball=$(npm pack --ignore-scripts --pack-destination "$scratch" | tail -1)
(cd "$N8N_USER_FOLDER/.n8n/nodes" && [ -f package.json ] || echo '{"private":true}' > package.json)
(cd "$N8N_USER_FOLDER/.n8n/nodes" && npm install --no-audit --no-fund --ignore-scripts "$scratch/$tarball" >/dev/null)

echo "== sandboxes"
npx tsx sandbox/cli.ts --orders 300 --products 60 --office-port 0 > "$scratch/sandbox.log" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "Serving" "$scratch/sandbox.log" 2>/dev/null && break; sleep 1; done
key=$(grep -m1 ' readWrite ' "$scratch/sandbox.log" | awk '{print $2}')
secret=$(grep -m1 ' readWrite ' "$scratch/sandbox.log" | awk '{print $3}')
store=$(grep -m1 '^  https:' "$scratch/sandbox.log" | awk '{print $2}')
office=$(grep -m1 'sandbox back office:' "$scratch/sandbox.log" | awk '{print $NF}')
token=$(grep -m1 'Authorization: Bearer' "$scratch/sandbox.log" | sed 's/.*Bearer \([^)]*\)).*/\1/')

cat > "$scratch/credentials.json" <<JSON
[
 {"id":"REPLACE_WITH_CONNECTION_CREDENTIAL","name":"Extend Commerce Connection API account","type":"extendCommerceConnectionApi",
  "data":{"connectionName":"n8n $version check","externalSystem":"woocommerce","accessToken":"$key","secret":"$secret","apiUrl":"$store",
          "orderStart":"2025-01-01T00:00:00Z","warehouse":"","companyGroup":"","authMode":"automatic","ignoreSslIssues":true}},
 {"id":"REPLACE_WITH_EXTEND_COMMERCE_CREDENTIAL","name":"Extend Commerce API account","type":"extendCommerceApi",
  "data":{"apiUrl":"$office","accessToken":"$token","ignoreSslIssues":false}}
]
JSON
"$n8n" import:credentials --input="$scratch/credentials.json"
for template in templates/*.json; do "$n8n" import:workflow --input="$template"; done
"$n8n" export:workflow --all --output="$scratch/exported.json" >/dev/null

echo "== the orders template, started by the CLI instead of its schedule"
node -e '
	const fs = require("fs");
	const w = JSON.parse(fs.readFileSync("templates/woocommerce-orders-to-extend-commerce.json", "utf8"));
	w.id = "verifyOrdersCli1"; w.name = "verify: orders (CLI start)";
	for (const n of w.nodes) if (n.type === "n8n-nodes-base.scheduleTrigger") Object.assign(n, { type: "n8n-nodes-base.manualTrigger", typeVersion: 1, parameters: {} });
	fs.writeFileSync(process.argv[1], JSON.stringify(w));
' "$scratch/cli-workflow.json"
"$n8n" import:workflow --input="$scratch/cli-workflow.json"
for run in 1 2; do
	"$n8n" execute --id=verifyOrdersCli1 --rawOutput > "$scratch/run-$run.json" 2>"$scratch/run-$run.err" || { cat "$scratch/run-$run.err"; exit 1; }
done

node -e '
	const fs = require("fs");
	const [scratch] = process.argv.slice(1);
	const exported = JSON.parse(fs.readFileSync(scratch + "/exported.json", "utf8"));
	const templates = exported.filter((w) => !w.name.startsWith("verify:"));
	if (templates.length !== 2 || templates.some((w) => w.active)) throw new Error("templates did not import inactive");
	const read = (n) => { const t = fs.readFileSync(scratch + "/run-" + n + ".json", "utf8"); return JSON.parse(t.slice(t.indexOf("{"), t.lastIndexOf("}") + 1)); };
	for (const n of [1, 2]) {
		const run = read(n);
		if (run.status !== "success") throw new Error("run " + n + " did not succeed");
		const data = run.data.resultData.runData;
		const pushed = (data["Extend Commerce"]?.[0]?.data?.main?.[0] ?? []).length;
		const fetched = (data["WooCommerce Fetch"]?.[0]?.data?.main?.[0] ?? []).length;
		console.log("run " + n + ": fetched " + fetched + ", pushed " + pushed);
		if (n === 1 && (fetched === 0 || pushed !== fetched)) throw new Error("the first run delivered nothing");
		if (n === 2 && fetched !== 0) throw new Error("the incremental run fetched again what was committed");
	}
' "$scratch"
state=$(curl -s -H "Authorization: Bearer $token" "$office/api/v1/connections" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).connections.map(c=>c.key).join(" ")))')
for key_ in $state; do curl -s -H "Authorization: Bearer $token" "$office/api/v1/connections/$key_/sync-state/orders"; echo; done
echo "== n8n $version loaded the package, imported the templates and synced orders twice"

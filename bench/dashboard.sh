#!/usr/bin/env bash
# Server time of each dashboard page with 10 000 requests in the database (issue: "< 500 ms per page").
# Starts the sandbox, signs in as compliance, requests each page N times over loopback, prints median and p95.
# Usage: bench/dashboard.sh [requests-per-page]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-30}
./uat setup
port=$((20000 + RANDOM % 20000))
log=$(mktemp); jar=$(mktemp)
describe=$(mktemp -u)
dotnet sandbox/PadSandbox/bin/Release/net10.0/PadSandbox.dll --port "$port" --describe "$describe" >"$log" 2>&1 &
sandbox=$!
# SIGTERM, not SIGINT: a background job of a script ignores SIGINT. The sandbox stops cleanly on either.
trap 'kill -TERM $sandbox 2>/dev/null; wait $sandbox 2>/dev/null; rm -f "$log" "$jar" "$describe"' EXIT
base=http://127.0.0.1:$port
for _ in $(seq 1 120); do curl -fs "$base/version" >/dev/null 2>&1 && break; sleep 0.5; done
for _ in $(seq 1 120); do [ -f "$describe" ] && break; sleep 0.5; done
password=$(node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(d.people.find(p => p.email === "jordan.blake@paduat.example").password)' "$describe")
# Through the sandbox's identity provider, as a browser: the dashboard's state comes back with the IdP's code.
state=$(curl -fs -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/auth/login" | sed 's/.*state=//')
curl -fs -L -c "$jar" -b "$jar" -o /dev/null --data-urlencode "client_id=pad-dashboard" --data-urlencode "redirect_uri=/auth/callback" \
  --data-urlencode "state=$state" --data-urlencode "username=jordan.blake@paduat.example" --data-urlencode "password=$password" "$base/idp/authorize"
latest=$(curl -fs -b "$jar" "$base/requests" | grep -o 'data-request-id="[0-9]*"' | head -1 | grep -o '[0-9]*')
echo "dashboard server time over $n requests per page, $(nproc) cores, 10 000 requests in pad_request"
printf '  %-40s %9s %9s\n' page "median" "p95"
for page in / /my-requests "/my-requests?status=pending_compliance" "/my-requests?security=AAPL" "/requests/$latest" /pending-approvals "/pending-approvals?sort=risk" /restricted-instruments /audit; do
  for _ in $(seq 1 "$n"); do curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$page"; done | sort -n |
    awk -v page="$page" '{ t[NR] = $1 * 1000 } END { m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.999)]; printf "  %-40s %7.1f ms %7.1f ms\n", page, m, p }'
done

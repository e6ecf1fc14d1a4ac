#!/usr/bin/env bash
# Times one local run of preflight + the ten UAT scenarios: start-up (test host, PostgreSQL cluster, migrations,
# sandbox, Chromium), each feature, and teardown. A benchmark that prints figures, never a pass/fail test.
# Usage: bench/suite.sh [runs]   (default 1; the build is done first and excluded)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
./uat setup
CLI=(dotnet src/Cli/bin/Release/net10.0/paduat.dll)
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for run in $(seq 1 "$runs"); do
  t0=$(date +%s%3N)
  APP_ENV=local PAD_SANDBOX_FAULTS= ALLURE_RESULTS_DIR=$results dotnet test src/StepDefinitions -c Release --no-build --nologo >/dev/null 2>&1 || true
  t1=$(date +%s%3N)
  first=$("${CLI[@]}" timings "$results" | awk '/^first-start-ms/ {print $2}')
  last=$("${CLI[@]}" timings "$results" | awk '/^last-stop-ms/ {print $2}')
  echo "run $run of $runs on $(nproc) cores"
  printf '  %-44s %8d ms\n' "wall (dotnet test, build excluded)" $((t1 - t0))
  printf '  %-44s %8d ms\n' "start-up (host, cluster, sandbox, browser)" $((first - t0))
  "${CLI[@]}" timings "$results" | awk '/^feature-ms/ { name=""; for (i = 4; i <= NF; i++) name = name $i " "; printf "  %-44.44s %8d ms  (%d tests)\n", name, $2, $3 }'
  printf '  %-44s %8d ms\n' "teardown (cluster, browser, test host)" $((t1 - last))
  echo "  Slack calls the harness made (its app's budget, shared by the four people):"
  awk -F'\t' '{ printf "    %-24s %6s %8s %8s  %s\n", $1, $2, $3, $4, $5 }' reports/slack-calls.tsv
done

#!/usr/bin/env bash
# Times full local runs of preflight + the ten UAT scenarios, side by side in one benchmark: with 1 test team, then with
# more (features in parallel collections, one team each; ./uat --teams N). For each: the wall time (build excluded),
# start-up, each feature with its team, the Slack calls each team made per method against the app's one budget, and the
# machine's load. A benchmark that prints figures, never a pass/fail test.
# Usage: bench/suite.sh [teams ...]   (default: 1 4; e.g. bench/suite.sh 1 4 8)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 1 4
./uat setup
CLI=(dotnet src/Cli/bin/Release/net10.0/paduat.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A wall
for teams in "$@"; do
  results=$work/results-$teams
  # The load, sampled every 2 s while the run lasts: the 1-minute average as the kernel keeps it.
  ( while sleep 2; do cut -d' ' -f1 /proc/loadavg; done ) >"$work/load-$teams" &
  sampler=$!
  parallel=()
  [ "$teams" -gt 1 ] && parallel=(-- xUnit.ParallelizeTestCollections=true "xUnit.MaxParallelThreads=$teams")
  TIMEFORMAT='%R %U %S'
  { time APP_ENV=local PAD_SANDBOX_FAULTS= PAD_TEAMS=$teams ALLURE_RESULTS_DIR=$results \
      dotnet test src/StepDefinitions -c Release --no-build --nologo "${parallel[@]}" >"$work/run-$teams.log" 2>&1 || true; } 2>"$work/time-$teams"
  kill "$sampler"
  read -r real user sys <"$work/time-$teams"
  wall[$teams]=$real
  "${CLI[@]}" timings "$results" >"$work/timings-$teams"
  first=$(awk '/^first-start-ms/ {print $2}' "$work/timings-$teams")
  last=$(awk '/^last-stop-ms/ {print $2}' "$work/timings-$teams")
  echo "$teams team(s) on $(nproc) cores: $(awk '/^outcome/ {$1=""; print}' "$work/timings-$teams")"
  printf '  %-48s %8.1f s\n' "wall (dotnet test, build excluded)" "$real"
  awk -v ms="$((last - first))" 'BEGIN { printf "  %-48s %8.1f s\n", "tests, first start to last end", ms / 1000 }' 
  awk -v r="$real" -v u="$user" -v s="$sys" -v c="$(nproc)" \
    'BEGIN { printf "  %-48s %7.0f %%  (user %.0f s + system %.0f s over %d cores)\n", "CPU used", (u + s) * 100 / (r * c), u, s, c }' 
  awk '{ n++; s += $1; if ($1 > m) m = $1 } END { if (n) printf "  %-48s %8.2f mean, %.2f max\n", "load (1-minute average, sampled every 2 s)", s / n, m }' "$work/load-$teams"
  # A test that did not pass, named with its message: the run's results go with the benchmark's temporary folder.
  "${CLI[@]}" summary "$results" 2>&1 | grep -v '^UAT against' | sed 's/^/  /' || true
  echo "  features (time summed over their tests, team):"
  awk '/^feature-ms/ { name=""; for (i = 5; i <= NF; i++) name = name $i " "; printf "    %-52.52s %7.1f s %3d tests  %s\n", name, $2 / 1000, $3, $4 }' "$work/timings-$teams"
  echo "  Slack calls per team and method (the app's one budget is shared by every team):"
  awk -F'\t' 'NR == FNR { if (FNR > 1) budget[$1] = $5; next }
              FNR > 1 { printf "    %-8s %-24s %6d   budget %s\n", $1, $2, $3, budget[$2] }' \
    reports/slack-calls.tsv reports/slack-calls-by-team.tsv
done
if [ $# -gt 1 ]; then
  echo "side by side:"
  for teams in "$@"; do
    awk -v n="$teams" -v w="${wall[$teams]}" -v base="${wall[$1]}" -v first="$1" \
      'BEGIN { printf "  %2d team(s): %8.1f s  %5.1f %% of %d team(s)\n", n, w, w * 100 / base, first }' 
  done
fi

#!/usr/bin/env bash
# The whole check, as CI runs it (`npm test`): lint, types and unit/integration tests side by
# side with the production build and the fault suite (its own PostgreSQL, Redis and two app nodes
# from that build: node kill, Redis and PostgreSQL restarts), then the browser E2E suite against
# the build. Needs
# PostgreSQL on 127.0.0.1:5432 (trust auth), Chromium's headless shell (or Chromium), and for the
# fault suite the PostgreSQL server binaries and redis-server; see .ci/run for a fresh machine.
set -euo pipefail

cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bold=""; reset=""
if [[ -t 1 ]]; then bold=$'\033[1m'; reset=$'\033[0m'; fi

started_all=$SECONDS
summary=()

step() {
  local title=$1
  shift
  local started=$SECONDS
  printf '\n%s==== %s ====%s\n$ %s\n' "$bold" "$title" "$reset" "$*"
  "$@"
  local took=$((SECONDS - started))
  summary+=("$(printf '%-32s %4ss' "$title" "$took")")
  printf '%s---- %s: ok (%ss) ----%s\n' "$bold" "$title" "$took" "$reset"
}

# Lint, the type check and the unit tests (one Node process and PostgreSQL) start side by side;
# once the type check is done the production build starts (it rewrites .next/types, which the
# type check reads), then the fault suite (its own processes, mostly waiting on restarts), while
# the unit tests finish. On a slow host: 119 s for all of it, against 166 s for lint and types
# first, then the unit tests beside the build and faults (and those 132 s against 159 s one after
# the other). The Prisma client is generated first, not by the build, so
# no test imports it while it is being rewritten. Each part's output is shown in turn.
checks() {
  npm run -s db:generate
  local dir
  dir=$(mktemp -d)
  timed() { local started=$SECONDS; "$@"; local status=$?; printf '(%ss)\n' "$((SECONDS - started))"; return "$status"; }
  timed npx vitest run >"$dir/unit" 2>&1 &
  local unit=$!
  timed npm run -s lint >"$dir/lint" 2>&1 &
  local lint=$!
  local types_status=0 lint_status=0 build_status=0 unit_status=0
  timed npm run -s typecheck >"$dir/types" 2>&1 || types_status=$?
  { timed flock /tmp/convo-build.lock npm run -s build:app && timed npm run -s test:faults; } >"$dir/build" 2>&1 || build_status=$?
  wait "$lint" || lint_status=$?
  wait "$unit" || unit_status=$?
  local part
  for part in lint types unit build; do
    printf -- '-- %s --\n' "$part"
    cat "$dir/$part"
  done
  rm -rf "$dir"
  ((lint_status == 0 && types_status == 0 && unit_status == 0 && build_status == 0))
}

on_exit() {
  local status=$?
  if ((status != 0)); then
    printf '\n%s==== FAILED (exit %s) after %ss ====%s\n' "$bold" "$status" "$((SECONDS - started_all))" "$reset"
    ((${#summary[@]})) && printf '  passed before it: %s\n' "${summary[@]}"
  fi
}
trap on_exit EXIT

step "lint, types, unit, build, faults" checks
step "e2e" npx playwright test

printf '\n%s==== ALL PASSED in %ss ====%s\n' "$bold" "$((SECONDS - started_all))" "$reset"
printf '  %s\n' "${summary[@]}"

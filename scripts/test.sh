#!/usr/bin/env bash
# The whole check, as CI runs it (`npm test`): lint, types, unit/integration tests beside the
# production build and the fault suite (its own PostgreSQL, Redis and two app nodes from that
# build: node kill, Redis and PostgreSQL restarts), then the browser E2E suite against the build. Needs
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
  summary+=("$(printf '%-18s %4ss' "$title" "$took")")
  printf '%s---- %s: ok (%ss) ----%s\n' "$bold" "$title" "$took" "$reset"
}

# Lint and the type check read the same files and each keep one core busy: run them side by
# side (2 cores), then show each one's output in turn.
lint_and_types() {
  local dir
  dir=$(mktemp -d)
  npm run -s lint >"$dir/lint" 2>&1 &
  local lint=$!
  local types_status=0 lint_status=0
  npm run -s typecheck >"$dir/types" 2>&1 || types_status=$?
  wait "$lint" || lint_status=$?
  printf -- '-- lint --\n'; cat "$dir/lint"
  printf -- '-- typecheck --\n'; cat "$dir/types"
  rm -rf "$dir"
  ((lint_status == 0 && types_status == 0))
}

# The unit tests (one Node process and PostgreSQL) run beside the production build (Next's
# compiler) and then the fault suite (its own processes, mostly waiting on restarts): on a slow
# host unit 77 s beside faults 44 s, against 108 s one after the other, and 95–121 s beside the
# build against 120 s. The Prisma client is generated first, not by the build, so no test imports
# it while it is being rewritten. Each one's output is shown in turn.
build_then_faults() {
  flock /tmp/convo-build.lock npm run -s build:app && npm run -s test:faults
}

unit_build_faults() {
  npm run -s db:generate
  local dir
  dir=$(mktemp -d)
  build_then_faults >"$dir/build" 2>&1 &
  local build=$!
  local unit_status=0 build_status=0
  npx vitest run >"$dir/unit" 2>&1 || unit_status=$?
  wait "$build" || build_status=$?
  printf -- '-- unit --\n'; cat "$dir/unit"
  printf -- '-- build, then faults --\n'; cat "$dir/build"
  rm -rf "$dir"
  ((unit_status == 0 && build_status == 0))
}

on_exit() {
  local status=$?
  if ((status != 0)); then
    printf '\n%s==== FAILED (exit %s) after %ss ====%s\n' "$bold" "$status" "$((SECONDS - started_all))" "$reset"
    ((${#summary[@]})) && printf '  passed before it: %s\n' "${summary[@]}"
  fi
}
trap on_exit EXIT

step "lint+types" lint_and_types
step "unit+build+faults" unit_build_faults
step "e2e" npx playwright test

printf '\n%s==== ALL PASSED in %ss ====%s\n' "$bold" "$((SECONDS - started_all))" "$reset"
printf '  %s\n' "${summary[@]}"

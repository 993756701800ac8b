#!/usr/bin/env bash
# The kill -9 loop against the real server jar: builds client-cli/target/entente.jar, then
# runs CrashLoopTest for CYCLES cycles (default 50): start the server on a fresh data dir,
# play a scripted session with idempotency keys, SIGKILL it at a random moment, restart,
# resume, retry; finally check that every acknowledged message is there exactly once.
#   scripts/crash-loop.sh [CYCLES]        e.g. scripts/crash-loop.sh 200
# A failing run prints its seed; re-run it with CRASH_SEED=<seed> scripts/crash-loop.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
CYCLES="${1:-50}"
./mvnw -B -q -pl client-cli -am install -DskipTests
SEED_ARG=()
if [[ -n "${CRASH_SEED:-}" ]]; then SEED_ARG=(-Dcrash.seed="$CRASH_SEED"); fi
./mvnw -B -pl client-cli surefire:test -Dtest=CrashLoopTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcrash.cycles="$CYCLES" -Dentente.jar="$PWD/client-cli/target/entente.jar" "${SEED_ARG[@]}"

#!/usr/bin/env bash
# Fuzzes each Jazzer target for MINUTES minutes (default 1), one after the other:
#   scripts/fuzz.sh [MINUTES] [TARGET...]      e.g. scripts/fuzz.sh 10
# Targets (default: all): pipeline-bytes, pipeline-requests, scenario-loader.
# Plain `./mvnw test` only replays the saved inputs (src/test/resources/**/*FuzzTestInputs/).
# A crashing input is written next to those inputs (crash-<sha1>) and the run fails: fix the
# bug and commit the input, so every later build replays it. The corpus the fuzzer grows is
# kept in <module>/.cifuzz-corpus/ (not committed) and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-1}"
shift || true
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then TARGETS=(pipeline-bytes pipeline-requests scenario-loader); fi

run() { # module test-class#method
  echo "== fuzzing $2 for ${MINUTES} min"
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${MINUTES}m" ./mvnw -B -o -pl "$1" -am test \
    -Djazzer.hooks=true -Djazzer.max_duration="${MINUTES}m" \
    -Dtest="$2" -Dsurefire.failIfNoSpecifiedTests=false
}

for t in "${TARGETS[@]}"; do
  case "$t" in
    pipeline-bytes) run server 'PipelineFuzzTest#arbitraryBytesInArbitrarySplits' ;;
    pipeline-requests) run server 'PipelineFuzzTest#structuredRequestsInASession' ;;
    scenario-loader) run scenarios 'ScenarioLoaderFuzzTest#anyTextLoadsOrGetsPlacedProblems' ;;
    *) echo "unknown target $t (pipeline-bytes, pipeline-requests, scenario-loader)" >&2; exit 2 ;;
  esac
done

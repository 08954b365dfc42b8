#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what it needs, starts Azurite, runs dotnet test, stops what
# it started, and ends with one line "N passed, N failed, N skipped". Exit code: non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ensure_npm_tools || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
if [ -x scripts/install-test-deps.sh ]; then
  scripts/install-test-deps.sh || { echo "installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
fi

echo "Building…"
if ! dotnet build LineBot.sln -c Debug -nologo -v quiet -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# One Azurite for the whole run, in memory, on free ports; each test uses its own name prefix.
AZURITE_PID=""
RESULTS=$(mktemp -d)
cleanup() {
  stop_pid "$AZURITE_PID"
  rm -rf "$RESULTS"
}
trap cleanup EXIT INT TERM

BLOB=$(free_port); QUEUE=$(free_port); TABLE=$(free_port)
node_modules/.bin/azurite --inMemoryPersistence --skipApiVersionCheck --silent --loose \
  --blobHost 127.0.0.1 --blobPort "$BLOB" --queueHost 127.0.0.1 --queuePort "$QUEUE" \
  --tableHost 127.0.0.1 --tablePort "$TABLE" >"$RESULTS/azurite.log" 2>&1 &
AZURITE_PID=$!
for port in "$BLOB" "$QUEUE" "$TABLE"; do
  if ! wait_for_port "$port" 30; then
    echo "Azurite did not start:"; cat "$RESULTS/azurite.log"
    echo "0 passed, 1 failed"
    exit 1
  fi
done
export LINEBOT_TEST_STORAGE
LINEBOT_TEST_STORAGE=$(azurite_connection_string "$BLOB" "$QUEUE" "$TABLE")

echo "Testing…"
dotnet test tests/LineBot.Tests --no-build -nologo 2>&1 | tee "$RESULTS/test.log"
STATUS=${PIPESTATUS[0]}

# Sum the per-assembly summary lines ("Passed!  - Failed: 0, Passed: 59, Skipped: 0, Total: 59, …").
read -r PASSED FAILED SKIPPED < <(grep -E '^(Passed|Failed)! +- Failed: ' "$RESULTS/test.log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 } END { print passed + 0, failed + 0, skipped + 0 }')
if [ "$STATUS" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
  FAILED=1   # the run failed without a summary line (crash, abort): never report it green
fi
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
exit "$STATUS"

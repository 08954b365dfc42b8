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

# Known-vulnerable packages fail the run. A feed that cannot be reached is said so and not failed: no network
# is not a vulnerability (CI has the network).
VULNERABLE=0
echo "Checking packages for known vulnerabilities…"
VULN_LOG=$(mktemp)
timeout 300 dotnet list LineBot.sln package --vulnerable --include-transitive >"$VULN_LOG" 2>&1
VULN_STATUS=$?
if grep -q "has the following vulnerable packages" "$VULN_LOG"; then
  VULNERABLE=1
  grep -E "has the following vulnerable packages|^ +> " "$VULN_LOG"
  echo "Vulnerable packages found (dotnet list package --vulnerable): the run fails."
elif [ "$VULN_STATUS" -ne 0 ]; then
  echo "Vulnerability check skipped: the package feed could not be reached (exit $VULN_STATUS): $(grep -m1 -iE 'error|unable' "$VULN_LOG")"
else
  echo "No vulnerable packages."
fi
rm -f "$VULN_LOG"

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

# Long runs (category Long: the 1,000,000-message parser fuzz, the 20,000-body webhook fuzz) are bench commands,
# not CI: docs/reliability.md.
echo "Testing…"
dotnet test tests/LineBot.Tests --no-build -nologo --filter "Category!=Long" 2>&1 | tee "$RESULTS/test.log"
STATUS=${PIPESTATUS[0]}

# Sum the per-assembly summary lines ("Passed!  - Failed: 0, Passed: 59, Skipped: 0, Total: 59, …").
read -r PASSED FAILED SKIPPED < <(grep -E '^(Passed|Failed)! +- Failed: ' "$RESULTS/test.log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 } END { print passed + 0, failed + 0, skipped + 0 }')
if [ "$STATUS" -ne 0 ] && [ "$FAILED" -eq 0 ]; then
  FAILED=1   # the run failed without a summary line (crash, abort): never report it green
fi
if [ "$VULNERABLE" -ne 0 ]; then
  FAILED=$((FAILED + 1))
  STATUS=1
fi
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
exit "$STATUS"

#!/usr/bin/env bash
# Runs the bot locally: installs what is missing, starts Azurite (data kept in .data/azurite), then
# `linebot serve` on http://127.0.0.1:7071 (webhook, event worker and scheduler in one process).
# With no LINE access token configured it runs in local mode against the built-in LINE stand-in.
# Ctrl+C stops everything it started.
# Overrides (environment): LINEBOT_URL, LINEBOT_DATA_DIR (default .data), AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT /
# AZURITE_TABLE_PORT (default 10000-10002), LINEBOT_AZURITE (an azurite executable; skips npm ci).
set -uo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
URL=${LINEBOT_URL:-http://127.0.0.1:7071}
DATA=${LINEBOT_DATA_DIR:-.data}
BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
AZURITE=${LINEBOT_AZURITE:-node_modules/.bin/azurite}

if [ -z "${LINEBOT_AZURITE:-}" ]; then
  ensure_npm_tools || exit 1
fi
# Non-standard ports: point the bot at this Azurite unless storage was configured explicitly.
if [ "$BLOB_PORT$QUEUE_PORT$TABLE_PORT" != "100001000110002" ] && [ -z "${AzureWebJobsStorage:-}" ]; then
  export AzureWebJobsStorage
  AzureWebJobsStorage=$(azurite_connection_string "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT")
fi
echo "Building…"
dotnet build cli/LineBot.Cli -c Debug -nologo -v quiet -clp:ErrorsOnly || exit 1

mkdir -p "$DATA/azurite"
AZURITE_PID=""
BOT_PID=""
cleanup() {
  trap - EXIT INT TERM
  echo
  echo "Stopping…"
  stop_pid "$BOT_PID"
  stop_pid "$AZURITE_PID"
}
trap cleanup EXIT INT TERM

# The emulator's standard ports, so that the default AzureWebJobsStorage=UseDevelopmentStorage=true works.
if (exec 3<>"/dev/tcp/127.0.0.1/$BLOB_PORT") 2>/dev/null; then
  echo "Something already listens on 127.0.0.1:$BLOB_PORT (another Azurite?); using it."
else
  "$AZURITE" --skipApiVersionCheck --silent --loose --location "$DATA/azurite" \
    --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
    --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" >"$DATA/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for port in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
    wait_for_port "$port" 30 || { echo "Azurite did not start; see $DATA/azurite.log"; exit 1; }
  done
fi

dotnet cli/LineBot.Cli/bin/Debug/net10.0/linebot.dll serve --urls "$URL" "$@" &
BOT_PID=$!
PORT=${URL##*:}
if wait_for_port "$PORT" 60; then
  cat <<MSG

LineBot is running at $URL
  webhook:    $URL/api/line/webhook
  health:     $URL/api/health
  simulator:  $URL/simulator   (local mode: a LINE group chat in your browser)
Press Ctrl+C to stop.
MSG
fi
wait "$BOT_PID"

#!/usr/bin/env bash
# Runs the bot locally: installs what is missing, starts Azurite (data kept in .data/azurite), then
# `linebot serve` on http://127.0.0.1:7071 (webhook, event worker and scheduler in one process).
# With no LINE access token configured it runs in local mode against the built-in LINE stand-in.
# Ctrl+C stops everything it started.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
URL=${LINEBOT_URL:-http://127.0.0.1:7071}

ensure_npm_tools || exit 1
echo "Building…"
dotnet build cli/LineBot.Cli -c Debug -nologo -v quiet -clp:ErrorsOnly || exit 1

mkdir -p .data/azurite
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
if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  echo "Something already listens on 127.0.0.1:10000 (another Azurite?); using it."
else
  node_modules/.bin/azurite --skipApiVersionCheck --silent --loose --location .data/azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.data/azurite.log 2>&1 &
  AZURITE_PID=$!
  for port in 10000 10001 10002; do
    wait_for_port "$port" 30 || { echo "Azurite did not start; see .data/azurite.log"; exit 1; }
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

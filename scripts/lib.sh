# Shared helpers for ./run.sh and ./test.sh (sourced, not run).

# A free loopback TCP port (node is on every machine we target; python may not be).
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Waits until 127.0.0.1:$1 accepts connections, or fails after $2 seconds.
wait_for_port() {
  local port=$1 limit=${2:-30} waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 5)) ]; then
      return 1
    fi
  done
}

# npm tools (Azurite, Prism) from the lock file; reinstalled only when the lock file's content changed (by hash,
# not by time: a fresh checkout or a git worktree has a newer lock file with the same packages).
ensure_npm_tools() {
  local want have=""
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  [ -f node_modules/.linebot-lock.sha256 ] && have=$(cat node_modules/.linebot-lock.sha256)
  if [ ! -x node_modules/.bin/azurite ] || [ "$want" != "$have" ]; then
    echo "Installing npm tools (npm ci)…"
    npm ci --no-audit --no-fund --loglevel=error || return 1
    echo "$want" > node_modules/.linebot-lock.sha256
  fi
}

# Stops a process by PID: SIGTERM twice (Azurite needs two after traffic), then SIGKILL.
stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -TERM "$pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

azurite_connection_string() {
  local blob=$1 queue=$2 table=$3
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

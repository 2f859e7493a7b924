#!/usr/bin/env bash
# One command per operator action on a local Targeting cluster, without Docker.
# Silos and gateways share Azure Table storage (Azurite by default) for clustering and state.
#
#   scripts/cluster.sh azurite start|stop        Azurite's table service on 127.0.0.1:10002 (data in .cluster/azurite)
#   scripts/cluster.sh silo start N              silo N: silo port 11110+N, gateway port 29999+N
#   scripts/cluster.sh silo stop N               graceful (SIGTERM): hands its sessions over, then exits
#   scripts/cluster.sh silo kill N               crash (SIGKILL)
#   scripts/cluster.sh gateway start N           HTTP gateway N on http://127.0.0.1:(5079+N), an Orleans client
#   scripts/cluster.sh gateway stop N
#   scripts/cluster.sh status                    processes, and the membership table from storage
#   scripts/cluster.sh stop-all                  stops gateways, silos, then Azurite
#   scripts/cluster.sh env silo|gateway N        prints the configuration that process gets
#
# Environment: TARGETING_STORAGE (connection string; default UseDevelopmentStorage=true),
#   TARGETING_OPERATOR_KEY (default: generated once into .cluster/operator-key),
#   TARGETING_CLUSTER_ID (default targeting), CONFIGURATION (Release), CLUSTER_STATE (.cluster),
#   AZURITE_PORT (10002; another port makes the default connection string point at it).
# Same keys as docker-compose.yml. Logs and pid files: .cluster/<name>.log, .cluster/<name>.pid.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CLUSTER_STATE:-$ROOT/.cluster}"
CONFIGURATION="${CONFIGURATION:-Release}"
AZURITE_PORT="${AZURITE_PORT:-10002}"
DEV_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
if [ "$AZURITE_PORT" = 10002 ]; then DEFAULT_STORAGE="UseDevelopmentStorage=true"; else
  DEFAULT_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$DEV_KEY;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
fi
STORAGE="${TARGETING_STORAGE:-$DEFAULT_STORAGE}"
CLUSTER_ID="${TARGETING_CLUSTER_ID:-targeting}"
mkdir -p "$STATE"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
die() { echo "cluster.sh: $*" >&2; exit 1; }

pid_of() { [ -f "$STATE/$1.pid" ] && cat "$STATE/$1.pid"; }
running() { local pid; pid="$(pid_of "$1" || true)"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
number() { [[ "${1:-}" =~ ^[1-9][0-9]?$ ]] || die "expected a number 1-99, got '${1:-}'"; }

# Starts a background process detached from this shell; its pid goes to .cluster/<name>.pid.
launch() {
  local name="$1"; shift
  running "$name" && die "$name is already running (pid $(pid_of "$name"))"
  echo "---- $(date -u +%FT%TZ) start" >>"$STATE/$name.log"
  setsid "$@" >>"$STATE/$name.log" 2>&1 < /dev/null &
  echo $! >"$STATE/$name.pid"
  echo "$name started (pid $!, log ${STATE#"$ROOT"/}/$name.log)"
}

# Sends a signal and waits for the process to end (SIGKILL after the wait for graceful stops).
halt() {
  local name="$1" signal="$2" wait="${3:-60}" pid
  running "$name" || { echo "$name is not running"; rm -f "$STATE/$name.pid"; return 0; }
  pid="$(pid_of "$name")"
  kill -s "$signal" "$pid"
  for _ in $(seq $((wait * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name did not exit within ${wait}s of SIG$signal: killing it"
    kill -s KILL "$pid"
  fi
  rm -f "$STATE/$name.pid"
  echo "$name stopped (SIG$signal)"
}

assembly() {
  local project="$1" dll="$ROOT/src/$1/bin/$CONFIGURATION/net10.0/Targeting.$1.dll"
  if [ ! -f "$dll" ]; then
    dotnet build "$ROOT/src/$project" -c "$CONFIGURATION" -nologo -v q >&2 || die "build of src/$project failed"
  fi
  echo "$dll"
}

operator_key() {
  if [ -n "${TARGETING_OPERATOR_KEY:-}" ]; then echo "$TARGETING_OPERATOR_KEY"; return; fi
  if [ ! -s "$STATE/operator-key" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$STATE/operator-key")
    echo "generated an operator key in ${STATE#"$ROOT"/}/operator-key" >&2
  fi
  cat "$STATE/operator-key"
}

# The configuration a silo and a gateway get (docker-compose.yml sets the same keys).
silo_env() {
  local n="$1"
  echo "Targeting__AzureStorage__ConnectionString=$STORAGE"
  echo "Targeting__Cluster__ClusterId=$CLUSTER_ID"
  echo "Targeting__Cluster__ServiceId=targeting"
  echo "Targeting__Silo__SiloPort=$((11110 + n))"
  echo "Targeting__Silo__GatewayPort=$((29999 + n))"
}
gateway_env() {
  local n="$1"
  echo "Targeting__AzureStorage__ConnectionString=$STORAGE"
  echo "Targeting__Cluster__ClusterId=$CLUSTER_ID"
  echo "Targeting__Cluster__ServiceId=targeting"
  echo "Targeting__Cluster__Embedded=false"
  echo "Targeting__Cluster__Gateway__GatewayListRefreshPeriod=00:00:10"
  echo "Targeting__OperatorKey=$(operator_key)"
  echo "ASPNETCORE_URLS=http://127.0.0.1:$((5079 + n))"
}

azurite() {
  case "${1:-}" in
    start)
      local bin="$ROOT/tools/azurite/node_modules/.bin/azurite-table"
      [ -x "$bin" ] || (cd "$ROOT/tools/azurite" && npm ci --no-audit --no-fund --loglevel=error)
      mkdir -p "$STATE/azurite"
      launch azurite "$bin" --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" --location "$STATE/azurite" \
        --skipApiVersionCheck --disableTelemetry --silent
      for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$AZURITE_PORT") 2>/dev/null && return 0; sleep 0.1; done
      die "Azurite did not answer on 127.0.0.1:$AZURITE_PORT; see ${STATE#"$ROOT"/}/azurite.log" ;;
    # Azurite saves its tables on SIGINT only.
    stop) halt azurite INT 15 ;;
    *) usage ;;
  esac
}

silo() {
  local action="${1:-}" n="${2:-}"
  number "$n"
  case "$action" in
    start)
      local dll; dll="$(assembly Silo)"
      mapfile -t vars < <(silo_env "$n")
      launch "silo$n" env "${vars[@]}" dotnet "$dll" ;;
    stop) halt "silo$n" TERM 60 ;;
    kill) halt "silo$n" KILL 10 ;;
    *) usage ;;
  esac
}

gateway() {
  local action="${1:-}" n="${2:-}"
  number "$n"
  case "$action" in
    start)
      local dll; dll="$(assembly Gateway)"
      mapfile -t vars < <(gateway_env "$n")
      launch "gateway$n" env "${vars[@]}" dotnet "$dll"
      echo "gateway$n: http://127.0.0.1:$((5079 + n))" ;;
    stop) halt "gateway$n" TERM 30 ;;
    *) usage ;;
  esac
}

status() {
  local file name
  echo "processes (${STATE#"$ROOT"/}):"
  for file in "$STATE"/*.pid; do
    [ -e "$file" ] || { echo "  none"; break; }
    name="$(basename "$file" .pid)"
    if running "$name"; then echo "  $name: running, pid $(pid_of "$name")"; else echo "  $name: not running (stale pid $(pid_of "$name"))"; fi
  done
  echo "membership:"
  node "$ROOT/tools/cluster-status.mjs" "$STORAGE" "$CLUSTER_ID" | sed 's/^/  /' || true
}

stop_all() {
  local file name
  for kind in gateway silo; do
    for file in "$STATE"/$kind*.pid; do
      [ -e "$file" ] || continue
      name="$(basename "$file" .pid)"
      halt "$name" TERM 60
    done
  done
  azurite stop
}

case "${1:-}" in
  azurite) shift; azurite "$@" ;;
  silo) shift; silo "$@" ;;
  gateway) shift; gateway "$@" ;;
  status) status ;;
  stop-all) stop_all ;;
  env)
    number "${3:-}"
    case "${2:-}" in silo) silo_env "$3" ;; gateway) gateway_env "$3" ;; *) usage ;; esac ;;
  *) usage ;;
esac

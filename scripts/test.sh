#!/usr/bin/env bash
# The test command (README: ./scripts/test.sh; CI: .ci/run).
# Installs what the tests need (Azurite from the committed npm lock file, Debian's chromium and
# docker-compose when missing), builds the solution once, runs every test project and prints, as
# its last line, "N passed, N failed" summed over all runs. A run that crashes, hangs or cannot
# build counts as failed, never as zero. Exits non-zero when anything failed.
#
# Environment: CONFIGURATION (Release), TEST_FILTER (dotnet test --filter, optional),
#              TEST_TIMEOUT_MINUTES (per project, 20), HANG_TIMEOUT (per test, 5m),
#              SKIP_INSTALL=1 (skip the install steps).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export TARGETING_REPO_ROOT="$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIGURATION="${CONFIGURATION:-Release}"
RESULTS="$ROOT/TestResults/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS"

passed=0 failed=0 skipped=0
failures=()   # "Project: test name: first line of its message", printed just before the summary
log() { printf '\n==> %s\n' "$*"; }
summary() { printf '%d passed, %d failed\n' "$passed" "$failed"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

install_prerequisites() {
  local missing=()
  command -v node >/dev/null || missing+=(nodejs npm)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    apt_install "${missing[@]}"
  fi

  # Azurite (npm azurite, pinned by tools/azurite/package-lock.json); reinstalled when the lock changes.
  local stamp="tools/azurite/node_modules/.lock-stamp"
  if [ ! -x tools/azurite/node_modules/.bin/azurite-table ] || ! cmp -s tools/azurite/package-lock.json "$stamp"; then
    log "installing Azurite (npm ci in tools/azurite)"
    (cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
    cp tools/azurite/package-lock.json "$stamp"
  fi
}

# Sums one TRX file's counters into the totals; prints the project's line.
count_trx() {
  local name="$1" trx="$2" exit_code="$3"
  local counters p f e t a n
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1 || true)"
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p="$(attr passed)"; f="$(attr failed)"; e="$(attr error)"; t="$(attr timeout)"; a="$(attr aborted)"; n="$(attr notExecuted)"
  p="${p:-0}"; f=$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} )); n="${n:-0}"
  if [ "$exit_code" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "  $name: test run exited with $exit_code but reported no failed test: counted as 1 failed (crash/hang)"
    f=1
  fi
  echo "  $name: $p passed, $f failed, $n skipped"
  if [ "$f" -gt 0 ]; then
    local line
    while IFS= read -r line; do failures+=("$name: $line"); done < <(failed_tests "$trx")
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
}

# One line per failed test in a TRX file: its name and the first line of its message. CI shows only the
# end of the output, so the names are repeated there.
failed_tests() {
  if command -v python3 >/dev/null; then
    python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for result in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
        message = result.find(".//t:Message", ns)
        first = (message.text or "").strip().splitlines()[0][:300] if message is not None and message.text else ""
        print(f"{result.get('testName')}: {first}")
PY
  else
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$1" | sed -n 's/.* testName="\([^"]*\)".*/\1/p'
  fi
}

test_projects() {
  local csproj
  for csproj in test/*/*.csproj; do
    if grep -q -e 'Microsoft.NET.Test.Sdk' -e '<IsTestProject>true</IsTestProject>' "$csproj"; then
      echo "$csproj"
    fi
  done
}

main() {
  if [ "${SKIP_INSTALL:-0}" != 1 ]; then install_prerequisites; fi

  log "building Targeting.sln ($CONFIGURATION)"
  if ! dotnet build Targeting.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly; then
    echo "build failed: counted as 1 failed" >&2
    failed=1
    summary
    exit 1
  fi

  local projects=() csproj name trx rc
  mapfile -t projects < <(test_projects)
  if [ "${#projects[@]}" -eq 0 ]; then
    echo "no test project found under test/" >&2
    failed=1; summary; exit 1
  fi

  local filter_args=()
  if [ -n "${TEST_FILTER:-}" ]; then filter_args=(--filter "$TEST_FILTER"); fi

  for csproj in "${projects[@]}"; do
    name="$(basename "$csproj" .csproj)"
    trx="$RESULTS/$name.trx"
    log "testing $name"
    rc=0
    timeout --kill-after=30s "$(( ${TEST_TIMEOUT_MINUTES:-20} * 60 ))" \
      dotnet test "$csproj" -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" \
        --results-directory "$RESULTS" --blame-hang-timeout "${HANG_TIMEOUT:-5m}" \
        "${filter_args[@]}" || rc=$?
    if [ -f "$trx" ]; then
      count_trx "$name" "$trx" "$rc"
    else
      echo "  $name: no test results (exit code $rc): counted as 1 failed"
      failed=$((failed + 1))
    fi
  done

  log "results in ${RESULTS#"$ROOT"/} ($skipped skipped)"
  if [ "${#failures[@]}" -gt 0 ]; then
    echo "failed tests:"
    printf '  - %s\n' "${failures[@]}"
  fi
  summary
  [ "$failed" -eq 0 ]
}

main "$@"

#!/usr/bin/env bash
# Batuta's single entry point: set-up, the main job (a sample migration) and the tests.
#   ./build.sh sample [Name]   set up, pack Batuta.Sdk, migrate samples/<Name> (default HelloMigration), print the board
#   ./build.sh test            set up, pack, build everything, run every test project; last line: "N passed, N failed"
#   ./build.sh setup | pack | cli ARGS...
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Node reuse once let a stale task DLL skip a target that had to run: keep it off everywhere.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
VERSION="$(sed -n 's/.*"Batuta.Sdk": *"\([^"]*\)".*/\1/p' global.json)"
CONFIG="${CONFIG:-Release}"
NUGET_CACHE="${NUGET_PACKAGES:-$HOME/.nuget/packages}"

log() { printf '\n==> %s\n' "$*" >&2; }

setup() {
  local wanted=(python3 python3-numpy python3-sklearn python3-torch libopenblas0-pthread libpython3.11-testsuite strace)
  local missing=()
  for p in "${wanted[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  /usr/bin/python3 -c "import numpy, sklearn" || { echo "error: /usr/bin/python3 cannot import numpy and sklearn" >&2; exit 1; }
}

pack() {
  log "packing Batuta.Sdk $VERSION into artifacts/packages"
  mkdir -p artifacts/packages   # a missing local feed fails every restore (NU1301)
  dotnet pack sdk/Batuta.Sdk/Batuta.Sdk.csproj -c "$CONFIG" -o artifacts/packages -p:Version="$VERSION" ${PACK_ARGS:-} \
    --disable-build-servers -nologo -v:q -clp:ErrorsOnly
  # NuGet keeps an extracted copy per version; drop it so the fresh package is used.
  rm -rf "$NUGET_CACHE/batuta.sdk/$VERSION"
}

build_cli() {
  dotnet build src/Batuta.Cli/Batuta.Cli.csproj -c "$CONFIG" --disable-build-servers -nologo -v:q -clp:ErrorsOnly >&2
}

cli() { dotnet "src/Batuta.Cli/bin/$CONFIG/net10.0/batuta.dll" "$@"; }

sample() {
  local name="${1:-HelloMigration}"
  [ -d "samples/$name" ] || { echo "error: no sample samples/$name" >&2; exit 2; }
  setup
  pack
  build_cli
  log "migrating samples/$name with dotnet build (Batuta.Sdk runs the five phases)"
  local rc=0
  dotnet build "samples/$name" -c "$CONFIG" --disable-build-servers -nologo -tl:off -v:m || rc=$?
  log "batuta status samples/$name"
  cli status "samples/$name" || true
  if [ "$rc" -ne 0 ]; then
    echo "The migration of samples/$name stopped at a failed phase (see the error code above and 'batuta status')." >&2
  fi
  return "$rc"
}

run_tests() {
  setup
  pack
  log "building Batuta.sln ($CONFIG)"
  dotnet build Batuta.sln -c "$CONFIG" --disable-build-servers -nologo -v:q -clp:ErrorsOnly
  local passed=0 failed=0 out rc line
  for proj in $(find tests -name '*.Tests.csproj' | sort); do
    log "testing $proj"
    rc=0
    out="$(dotnet test "$proj" -c "$CONFIG" --no-build --disable-build-servers -nologo 2>&1)" || rc=$?
    printf '%s\n' "$out" | grep -vE '^\s*$' | tail -n 60
    line="$(printf '%s\n' "$out" | grep -E '(Passed|Failed)!\s+-\s+Failed:' | tail -n 1 || true)"
    if [ -n "$line" ]; then
      passed=$((passed + $(sed -E 's/.*Passed:[[:space:]]*([0-9]+).*/\1/' <<<"$line")))
      failed=$((failed + $(sed -E 's/.*Failed:[[:space:]]*([0-9]+).*/\1/' <<<"$line")))
    elif [ "$rc" -ne 0 ]; then
      echo "error: $proj did not run (exit code $rc)" >&2
      failed=$((failed + 1))
    fi
  done
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

case "${1:-help}" in
  setup) setup ;;
  pack) pack ;;
  sample) shift; sample "$@" ;;
  test) run_tests ;;
  cli) shift; build_cli; cli "$@" ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac

#!/usr/bin/env bash
# Runs every test. The tests start their own servers on free loopback ports: anvil from the pinned npm toolchain,
# and PostgreSQL, Redis and nginx from the system's packages, which this installs when they are missing
# (Debian or Ubuntu; as root, or through sudo). Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need ${missing[*]} (PostgreSQL server binaries under /usr/lib/postgresql/<version>/bin," >&2
    echo "/usr/bin/redis-server, /usr/sbin/nginx); install them with your system's package manager." >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} for the tests…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec dotnet test EscrowP2P.sln "$@"

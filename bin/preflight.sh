#!/usr/bin/env bash
# Checks every configured part of the bundle - ledger, broker, folders, SFTP, ERP endpoints, each
# gateway by a signed harmless query - with the same configuration a normal start would use,
# without declaring anything or starting any intake. Prints one line per part; exits 0 only when
# everything holds. Any argument is passed on, e.g. bin/preflight.sh --customs.gateway=mapi
set -euo pipefail
cd "$(dirname "$0")/.."

exec java -jar "$(bin/jar.sh)" --customs.preflight=true "$@"

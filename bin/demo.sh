#!/usr/bin/env bash
# Runs the bundle on its embedded defaults (built-in Alipay simulator, demo keys, H2 ledger),
# drops the sample order file into the inbox and prints its results. The bundle keeps running
# afterwards, so you can drop more files into data/inbox/; Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(bin/jar.sh)

mkdir -p data/inbox data/outbox
log=data/customs-bridge.log
java -jar "$jar" "$@" > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' EXIT INT TERM

echo "Starting the bundle (log: $log) ..."
until grep -q "Started CustomsBridgeApplication" "$log"; do
  kill -0 $app 2>/dev/null || { echo "The bundle did not start:"; tail -30 "$log"; exit 1; }
  sleep 1
done

results=data/outbox/orders.csv.results.csv
rm -f "$results"
cp samples/orders.csv data/inbox/.orders.csv.part && mv data/inbox/.orders.csv.part data/inbox/orders.csv
echo "Dropped samples/orders.csv into data/inbox/; waiting for $results ..."
for _ in $(seq 1 60); do [ -f "$results" ] && break; sleep 1; done
[ -f "$results" ] || { echo "No results after 60 s; see $log"; exit 1; }

echo
# rows come in the order records finished; sorted by line here for reading
{ head -1 "$results"; tail -n +2 "$results" | sort -t, -k1,1n; } | { column -s, -t 2>/dev/null || cat; }
echo
echo "Input moved to data/inbox/.done/orders.csv; ledger in data/ledger.mv.db; simulator journal: http://localhost:8080/simulator/journal"
# Every endpoint but the health probes needs a login; without configured users the bundle made one
# operator for this run and logged its password (docs/security.md).
login=$(sed -n "s/.*created user '\([^']*\)' (role operator) with password \([^ ]*\) .*/\1:\2/p" "$log" | head -1)
if [ -n "$login" ]; then
  echo "Login (HTTP Basic) for this run, from the WARN line in $log: user ${login%%:*}, password ${login#*:}"
  echo "  e.g. curl -u '$login' http://localhost:8080/api/declarations"
else
  echo "Log in with a user of customs.security.users (docs/security.md)."
fi
echo "The bundle keeps running: drop more files into data/inbox/ (e.g. cp samples/orders-wechat.csv data/inbox/"
echo "for WeChat Pay payments). Ctrl+C stops it."
wait $app

#!/usr/bin/env bash
# Streaming check (issue "Connectors", performance): a POLICE XML file of ~1 GB (GBK) goes through a hub
# started with -Xmx512m. Prints the receipt, the time and the hub's peak resident memory.
#   bench/ingest/police-1gb.sh [bytes]
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/../.." && pwd)
out="$root/bench/out/police"
bytes=${1:-1073741824}
file=POLICE_630000_20171015_001_FULL.xml

# the generated file (a few minutes to write) is kept between runs of the same size
if [ "$(stat -c %s "$out/$file" 2>/dev/null || echo 0)" -lt "$bytes" ] || [ ! -s "$out/records" ]; then
  rm -rf "$out" && mkdir -p "$out"
  python3 "$bench/generate_police.py" "$out/$file" "$bytes" > "$out/records"
fi
rm -rf "$out/data"
records=$(cat "$out/records")
(cd "$root" && ./mvnw -q -B package -DskipTests)

java -Xmx512m -jar "$root"/target/canbao-hub-*-exec.jar --canbao.data-dir="$out/data" --canbao.demo.enabled=false \
  --server.port=0 --canbao.sftp.port=2323 --canbao.broker.port=61717 \
  --canbao.database.embedded-port=15533 > "$out/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null || true' EXIT
until grep -q "Started CanbaoHubApplication" "$out/hub.log"; do
  kill -0 $hub 2>/dev/null || { cat "$out/hub.log"; exit 1; }
  sleep 1
done

printf 'put %s in/\nput %s in/\n' "$out/$file" "$out/$file.ok" | sftp -q -b - -P 2323 \
  -i "$out/data/secrets/sftp/police" -o UserKnownHostsFile="$out/data/secrets/known_hosts" \
  -o StrictHostKeyChecking=yes police@127.0.0.1
receipt="$out/data/exchange/police/receipt/$file.receipt.json"
peak=0
until [ -f "$receipt" ]; do
  kill -0 $hub 2>/dev/null || { tail -50 "$out/hub.log"; echo "the hub died"; exit 1; }
  ! grep -q OutOfMemoryError "$out/hub.log" || { grep -m1 -A12 OutOfMemoryError "$out/hub.log"; echo "out of memory"; exit 1; }
  rss=$(awk '/VmRSS/ {print $2}' /proc/$hub/status)
  [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 1
done
{
  echo "file: $(stat -c %s "$out/$file") bytes, $records records"
  echo "receipt: $(head -c 300 "$receipt")"
  echo "hub: $(grep -o "$file from POLICE: .* in [0-9]* ms" "$out/hub.log")"
  echo "hub peak resident memory during ingest: $(( peak / 1024 )) MiB (heap limit 512 MiB)"
} | tee "$out/result.txt"

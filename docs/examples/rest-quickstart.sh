#!/usr/bin/env bash
# Creates an HTTP monitor through the REST API (docs/api.md), waits until it is UP and prints
# its uptime over the last 24 hours.
#
#   WATCHPOST_URL=http://localhost:3001 WATCHPOST_API_KEY=uk1_... TARGET_URL=https://example.com \
#     docs/examples/rest-quickstart.sh
set -euo pipefail

: "${WATCHPOST_URL:?set WATCHPOST_URL, e.g. http://localhost:3001}"
: "${WATCHPOST_API_KEY:?set WATCHPOST_API_KEY to a write-scope API key}"
TARGET_URL="${TARGET_URL:-https://example.com}"
WAIT_SECONDS="${WAIT_SECONDS:-120}"

api() {
  curl --silent --show-error --fail-with-body \
    -H "Authorization: Bearer ${WATCHPOST_API_KEY}" -H 'Content-Type: application/json' \
    "$@"
}

# The value of one top-level field of a JSON object (numbers and strings are enough here).
field() {
  sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1
}

created=$(api -X POST "${WATCHPOST_URL}/api/v1/monitors" \
  -H "Idempotency-Key: quickstart-$(date +%s)" \
  -d "{\"type\":\"http\",\"name\":\"quickstart ${TARGET_URL}\",\"url\":\"${TARGET_URL}\",\"interval\":20,\"accepted_statuscodes\":[\"200-299\"]}")
id=$(printf '%s' "$created" | field id)
echo "created monitor ${id}"

deadline=$((SECONDS + WAIT_SECONDS))
until [ "$(api "${WATCHPOST_URL}/api/v1/monitors/${id}" | field status)" = "up" ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "monitor ${id} is not UP after ${WAIT_SECONDS}s" >&2
    exit 1
  fi
  sleep 1
done
echo "monitor ${id} is UP"

uptime=$(api "${WATCHPOST_URL}/api/v1/monitors/${id}/uptime?window=24h")
echo "uptime over 24h: $(printf '%s' "$uptime" | field uptime)"
echo "average response time: $(printf '%s' "$uptime" | field avgResponseTimeMs) ms"

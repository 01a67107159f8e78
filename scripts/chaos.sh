#!/usr/bin/env bash
# `npm run test:chaos`: the full chaos run of issue 7 (10,000 declarations unless CHAOS_DECLARATIONS says otherwise).
# It starts its own nats-server and redis-server on free ports (never the shared ones), the hub's roles as separate
# processes, and stops them all at the end. Table and JSON: bench-results/chaos.json; process logs: test-artifacts/chaos/.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
npx tsc -b
node test/dist/chaos/main.js "$@"

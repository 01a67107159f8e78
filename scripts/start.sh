#!/usr/bin/env bash
# `npm start`: set up, then run every role of the hub in one process with simulators and demo traffic.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
export TAREKS_DEMO="${TAREKS_DEMO:-true}"
exec node hub/dist/main.js

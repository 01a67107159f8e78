#!/usr/bin/env bash
# `npm start`: set up, then run every role of the hub in one process with simulators and demo traffic.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
export TAREKS_DEMO="${TAREKS_DEMO:-true}"
# The demo's dashboard admin (README); set your own for anything but a demo.
export TAREKS_ADMIN_USER="${TAREKS_ADMIN_USER:-admin}"
export TAREKS_ADMIN_PASSWORD="${TAREKS_ADMIN_PASSWORD:-tareks-demo-admin}"
exec node hub/dist/main.js

#!/usr/bin/env bash
# `npm run bench`: same setup as `npm start`, then every benchmark; figures as a table and JSON in bench-results/.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
node test/dist/bench/main.js "$@"

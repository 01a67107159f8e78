#!/usr/bin/env bash
# Installs what is missing and starts NATS + Redis when absent. `setup.sh test` also installs the test tools.
source "$(dirname "$0")/lib.sh"
debs=("${RUNTIME_DEBS[@]}")
[ "${1:-}" = "test" ] && debs+=("${TEST_DEBS[@]}")
ensure_debs "${debs[@]}"
ensure_npm
ensure_services
log "building"
(cd "$ROOT" && npm run --silent build)

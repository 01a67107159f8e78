#!/usr/bin/env bash
# `npm test`: the same setup plus test tools, then lint, dependency rules and every test.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh" test
cd "$ROOT"
log "lint and dependency rules"
npm run --silent lint
log "dashboard checks and unit tests"
npm run --silent check -w @tareks/dashboard
npm run --silent test -w @tareks/dashboard
log "tests"
npx vitest run "$@"

# Shared helpers of the setup/start/test scripts. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="$ROOT/.data"
export ONNXRUNTIME_NODE_INSTALL=skip # its postinstall downloads CUDA libraries from outside the registries (NOTES.md)

log() { printf '\033[1;34m[tareks]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[tareks]\033[0m %s\n' "$*" >&2; exit 1; }

listening() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_listening() { # host port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do listening "$1" "$2" && return 0; sleep 0.1; done
  return 1
}

# Installs the Debian packages that are not installed yet (one apt-get update, only when needed).
ensure_debs() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing Debian packages (${missing[*]}) and no apt-get"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm packages: install when node_modules is absent or older than the lockfile.
ensure_npm() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Starts NATS (JetStream) and Redis on 127.0.0.1 unless something already listens there or NATS_URL/REDIS_URL point elsewhere.
ensure_services() {
  if [ -z "${NATS_URL:-}" ]; then
    if listening 127.0.0.1 4222; then log "reusing NATS on 127.0.0.1:4222"; else
      mkdir -p "$DATA_DIR/nats"
      log "starting nats-server with JetStream (data in .data/nats)"
      setsid nohup nats-server -a 127.0.0.1 -p 4222 -js -sd "$DATA_DIR/nats" -l "$DATA_DIR/nats/nats.log" \
        -P "$DATA_DIR/nats/nats.pid" >/dev/null 2>&1 < /dev/null &
      wait_listening 127.0.0.1 4222 20 || die "nats-server did not start; see .data/nats/nats.log"
    fi
  fi
  if [ -z "${REDIS_URL:-}" ]; then
    if listening 127.0.0.1 6379; then log "reusing Redis on 127.0.0.1:6379"; else
      mkdir -p "$DATA_DIR/redis"
      log "starting redis-server (data in .data/redis)"
      redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir "$DATA_DIR/redis" --appendonly yes \
        --save "" --logfile "$DATA_DIR/redis/redis.log" --pidfile "$DATA_DIR/redis/redis.pid" >/dev/null
      wait_listening 127.0.0.1 6379 20 || die "redis-server did not start; see .data/redis/redis.log"
    fi
  fi
}

RUNTIME_DEBS=(nats-server redis-server poppler-utils fonts-dejavu-core)
TEST_DEBS=(chromium python3-zeep jaxws openjdk-17-jdk-headless python3-xgboost tesseract-ocr tesseract-ocr-tur tesseract-ocr-eng)

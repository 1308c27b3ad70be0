# shellcheck shell=bash
# Toolchain provisioning shared by ./dev and .ci/run (source it; it only defines functions
# and LOCALRIGHTS_ROOT, and changes nothing until one is called).
#
#   localrights_provision     Node >= 24.11 and pnpm 12 on PATH. Uses what PATH has if it is
#                             new enough, else the copies in .tools/, installing them there
#                             with the machine's npm (Node 20 + npm is enough) on first use.
#   localrights_install_deps  `pnpm install --frozen-lockfile` when node_modules is missing
#                             or older than pnpm-lock.yaml (or package.json files changed).
#
# Environment: LOCALRIGHTS_FORCE_TOOLS=1 uses .tools/ even when PATH has suitable versions.

LOCALRIGHTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCALRIGHTS_NODE_MIN="24.11.0"
LOCALRIGHTS_NODE_SPEC="node@24"
LOCALRIGHTS_PNPM_MAJOR="12"
LOCALRIGHTS_PNPM_SPEC="pnpm@12"
LOCALRIGHTS_TOOLS="$LOCALRIGHTS_ROOT/.tools"
LOCALRIGHTS_INSTALL_STAMP="$LOCALRIGHTS_ROOT/node_modules/.localrights-installed"

_lr_log() { printf '%s\n' "dev: $*" >&2; }

# _lr_version_ge A B: true when dotted version A >= B.
_lr_version_ge() {
  local IFS=.
  local -a a=($1) b=($2)
  local i
  for i in 0 1 2; do
    if (( ${a[i]:-0} > ${b[i]:-0} )); then return 0; fi
    if (( ${a[i]:-0} < ${b[i]:-0} )); then return 1; fi
  done
  return 0
}

# Prints the version of the `node` on PATH, or nothing.
_lr_node_version() {
  command -v node >/dev/null 2>&1 || return 0
  node -p 'process.versions.node' 2>/dev/null || true
}

_lr_node_ok() {
  local v
  v="$(_lr_node_version)"
  [ -n "$v" ] && _lr_version_ge "$v" "$LOCALRIGHTS_NODE_MIN"
}

_lr_pnpm_ok() {
  local v
  command -v pnpm >/dev/null 2>&1 || return 1
  v="$(pnpm --version 2>/dev/null)" || return 1
  [ "${v%%.*}" = "$LOCALRIGHTS_PNPM_MAJOR" ]
}

# _lr_npm_install LOG ARGS...: runs npm quietly; prints its log and fails on error.
_lr_npm_install() {
  local log="$1"
  shift
  if ! command -v npm >/dev/null 2>&1; then
    _lr_log "npm is not on PATH: install Node.js 20 or newer (with npm) first."
    return 1
  fi
  mkdir -p "$LOCALRIGHTS_TOOLS"
  if ! npm "$@" --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
    cat "$log" >&2
    _lr_log "npm $* failed (log: $log)"
    return 1
  fi
}

localrights_provision() {
  local node_bin="$LOCALRIGHTS_TOOLS/node/node_modules/.bin"
  local pnpm_bin="$LOCALRIGHTS_TOOLS/pnpm/bin"

  # Node: PATH's own if new enough, else .tools/node (installed on first use).
  if [ "${LOCALRIGHTS_FORCE_TOOLS:-}" = "1" ] || ! _lr_node_ok; then
    if [ ! -x "$node_bin/node" ] || ! PATH="$node_bin:$PATH" _lr_node_ok; then
      local have
      have="$(_lr_node_version)"
      _lr_log "need Node >= $LOCALRIGHTS_NODE_MIN; PATH has ${have:-no node}."
      _lr_log "installing $LOCALRIGHTS_NODE_SPEC into .tools/node (one time) ..."
      rm -rf "$LOCALRIGHTS_TOOLS/node"
      _lr_npm_install "$LOCALRIGHTS_TOOLS/node-install.log" install --prefix "$LOCALRIGHTS_TOOLS/node" "$LOCALRIGHTS_NODE_SPEC" || return 1
    fi
    export PATH="$node_bin:$PATH"
    if ! _lr_node_ok; then
      _lr_log "$node_bin/node does not run or is older than $LOCALRIGHTS_NODE_MIN"
      return 1
    fi
  fi

  # pnpm: PATH's own if it is pnpm 12, else .tools/pnpm (installed on first use). The pnpm
  # launcher runs on the `node` found above.
  if [ "${LOCALRIGHTS_FORCE_TOOLS:-}" = "1" ] || ! _lr_pnpm_ok; then
    if [ ! -x "$pnpm_bin/pnpm" ] || ! PATH="$pnpm_bin:$PATH" _lr_pnpm_ok; then
      _lr_log "installing $LOCALRIGHTS_PNPM_SPEC into .tools/pnpm (one time) ..."
      rm -rf "$LOCALRIGHTS_TOOLS/pnpm"
      _lr_npm_install "$LOCALRIGHTS_TOOLS/pnpm-install.log" install -g --prefix "$LOCALRIGHTS_TOOLS/pnpm" "$LOCALRIGHTS_PNPM_SPEC" || return 1
    fi
    export PATH="$pnpm_bin:$PATH"
    if ! _lr_pnpm_ok; then
      _lr_log "$pnpm_bin/pnpm does not run or is not pnpm $LOCALRIGHTS_PNPM_MAJOR"
      return 1
    fi
  fi
  hash -r
}

# True when node_modules is missing or older than the lockfile or any workspace manifest.
localrights_deps_stale() {
  [ -f "$LOCALRIGHTS_INSTALL_STAMP" ] || return 0
  local f
  for f in "$LOCALRIGHTS_ROOT/pnpm-lock.yaml" "$LOCALRIGHTS_ROOT/pnpm-workspace.yaml" "$LOCALRIGHTS_ROOT/package.json"; do
    [ "$f" -nt "$LOCALRIGHTS_INSTALL_STAMP" ] && return 0
  done
  while IFS= read -r f; do
    [ "$f" -nt "$LOCALRIGHTS_INSTALL_STAMP" ] && return 0
  done < <(find "$LOCALRIGHTS_ROOT/packages" "$LOCALRIGHTS_ROOT/examples" -maxdepth 3 -name package.json -not -path '*/node_modules/*' 2>/dev/null)
  return 1
}

# pnpm install --frozen-lockfile; quiet unless it fails, or always verbose with VERBOSE=1.
localrights_install_deps() {
  localrights_deps_stale || return 0
  local log="$LOCALRIGHTS_TOOLS/deps-install.log"
  mkdir -p "$LOCALRIGHTS_TOOLS"
  _lr_log "installing dependencies (pnpm install --frozen-lockfile) ..."
  if [ "${VERBOSE:-}" = "1" ]; then
    (cd "$LOCALRIGHTS_ROOT" && pnpm install --frozen-lockfile) || return 1
  elif ! (cd "$LOCALRIGHTS_ROOT" && pnpm install --frozen-lockfile --reporter=append-only) >"$log" 2>&1; then
    cat "$log" >&2
    _lr_log "pnpm install failed (log: $log)"
    return 1
  fi
  localrights_mark_installed
}

localrights_mark_installed() {
  mkdir -p "$LOCALRIGHTS_ROOT/node_modules"
  touch "$LOCALRIGHTS_INSTALL_STAMP"
}

# Sourced by .ci/run (and usable by hand): pg_start starts a throwaway
# PostgreSQL cluster in a temporary directory, listening on a Unix socket
# only, with trust authentication, and exports DATELINE_TEST_POSTGRES for
# the PostgreSQL store's tests; pg_stop stops it and removes the directory.
# PostgreSQL refuses to run as root, so under root the cluster belongs to
# the postgres user that Debian's package creates.

# pg_bindir prints the directory of initdb and pg_ctl: on PATH, or where
# Debian's packages put them (/usr/lib/postgresql/VERSION/bin).
pg_bindir() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  return 1
}

pg_start() {
  local bin
  if ! bin=$(pg_bindir); then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } ||
      { echo "warning: could not install postgresql; the PostgreSQL tests will skip"; return 0; }
    bin=$(pg_bindir) || { echo "warning: postgresql has no initdb; the PostgreSQL tests will skip"; return 0; }
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/dateline-pg.XXXXXX")
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; echo "warning: initdb failed; the PostgreSQL tests will skip"; return 0; }
  # No TCP listener: the socket in PG_DIR is reachable by this machine's
  # processes alone. fsync off: the cluster is thrown away at the end.
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR' -c fsync=off -c max_connections=200" start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; echo "warning: PostgreSQL did not start; its tests will skip"; return 0; }
  PG_BIN=$bin
  export DATELINE_TEST_POSTGRES="postgres://postgres@/postgres?host=$PG_DIR"
  echo "PostgreSQL for tests: $DATELINE_TEST_POSTGRES"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  if [ -n "${PG_BIN:-}" ]; then
    local as=()
    [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
}

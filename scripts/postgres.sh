# A throwaway PostgreSQL 15 cluster for the store tests. Sourced by
# scripts/test: initdb into a temp dir, listen on a random free port on
# 127.0.0.1 only, export DONORDESK_TEST_PG_URL, and stop + delete it on exit
# (also when the tests fail or the script is interrupted).

dd_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  echo "PostgreSQL server binaries (initdb) not found" >&2
  return 1
}

dd_port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

dd_start_postgres() {
  local bin port tries=0
  bin=$(dd_pg_bin)
  DD_PG_BIN=$bin
  DD_PG_DIR=$(mktemp -d /tmp/donordesk-pg.XXXXXX)
  # initdb refuses to run as root: run the server as the postgres user then.
  DD_PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$DD_PG_DIR"
    DD_PG_AS=(runuser -u postgres --)
  fi
  trap dd_stop_postgres EXIT
  trap 'exit 130' INT TERM
  "${DD_PG_AS[@]}" "$bin/initdb" -D "$DD_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DD_PG_DIR/initdb.log" 2>&1 \
    || { cat "$DD_PG_DIR/initdb.log" >&2; return 1; }
  while :; do
    port=$((20000 + RANDOM % 40000))
    tries=$((tries + 1))
    dd_port_is_free "$port" || continue
    if "${DD_PG_AS[@]}" "$bin/pg_ctl" -D "$DD_PG_DIR/data" -l "$DD_PG_DIR/server.log" -w -t 30 \
         -o "-h 127.0.0.1 -p $port -k $DD_PG_DIR -c fsync=off -c synchronous_commit=off" start >/dev/null; then
      break
    fi
    [ $tries -lt 5 ] || { cat "$DD_PG_DIR/server.log" >&2; return 1; }
  done
  "${DD_PG_AS[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres donordesk_test
  export DONORDESK_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/donordesk_test"
  dd_log "PostgreSQL test cluster at $DONORDESK_TEST_PG_URL"
}

dd_stop_postgres() {
  local status=$?
  if [ -n "${DD_PG_DIR:-}" ] && [ -d "$DD_PG_DIR" ]; then
    "${DD_PG_AS[@]}" "$DD_PG_BIN/pg_ctl" -D "$DD_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DD_PG_DIR"
  fi
  return $status
}

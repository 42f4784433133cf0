# Sourced by .ci/run: starts a throw-away PostgreSQL cluster on a free
# loopback port and exports PDNKIT_DSN for the reference CRM's store tests.
# An existing PDNKIT_DSN is left alone. The cluster is stopped on exit.
if [ -z "${PDNKIT_DSN:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "== PostgreSQL is not installed; the PostgreSQL tests will fail under CI=true"
  else
    pg_dir=$(mktemp -d /tmp/pdnkit-pg.XXXXXX)
    as_pg=()
    if [ "$(id -u)" = 0 ]; then
      chown postgres: "$pg_dir"
      as_pg=(runuser -u postgres --)
    fi
    pg_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 54329)
    echo "== starting PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    "${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres pdnkit
    export PDNKIT_DSN="postgres://postgres@127.0.0.1:$pg_port/pdnkit?sslmode=disable"
    pdnkit_pg_stop() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
    trap pdnkit_pg_stop EXIT
  fi
fi

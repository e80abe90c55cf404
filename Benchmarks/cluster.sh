# Sourced by scripts/bench and scripts/walk-lists: the benchmark's own PostgreSQL cluster, the
# "external database" calapi serves in the benchmark. Created once under .build/bench-pg (trust
# authentication, 127.0.0.1 only, port $BENCH_PGPORT, default 54330) with the yardsticks' settings
# (shared_buffers = 1GB so the data set fits in memory, max_wal_size = 4GB so the seeding causes no
# checkpoint storm, max_connections = 200) and pg_stat_statements loaded but not tracking
# (`bench_statements_on` turns it on). Everything else is PostgreSQL's default. The database is
# `calapi`, owned by the superuser `bench`.
#
#   bench_cluster_start   initdb (first time), start, create the database; sets bench_owner_url
#   bench_cluster_stop    fast shutdown (the data stays for the next run)

bench_pg_dir="$(pwd)/.build/bench-pg"
bench_pg_data="$bench_pg_dir/data"
bench_pg_port="${BENCH_PGPORT:-54330}"
bench_pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
bench_owner_url="postgresql://bench@127.0.0.1:$bench_pg_port/calapi"

# initdb and postgres refuse to run as root: the server side runs as the "postgres" account then.
bench_as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bench_cluster_start() {
  mkdir -p "$bench_pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$bench_pg_dir"
  if [ ! -s "$bench_pg_data/PG_VERSION" ]; then
    bench_as_pg_owner "$bench_pg_bin/initdb" -D "$bench_pg_data" -U bench --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >/dev/null
    cat >>"$bench_pg_data/postgresql.conf" <<CONF
# scripts/bench
listen_addresses = '127.0.0.1'
port = $bench_pg_port
unix_socket_directories = ''
max_connections = 200
shared_buffers = 1GB
max_wal_size = 4GB
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = none
CONF
  fi
  if ! bench_as_pg_owner "$bench_pg_bin/pg_ctl" -D "$bench_pg_data" status >/dev/null 2>&1; then
    bench_as_pg_owner "$bench_pg_bin/pg_ctl" -D "$bench_pg_data" -l "$bench_pg_dir/server.log" -w -t 60 start >/dev/null
  fi
  local admin="postgresql://bench@127.0.0.1:$bench_pg_port/postgres"
  if [ -z "$(psql -X "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = 'calapi'")" ]; then
    psql -X -q "$admin" -c "CREATE DATABASE calapi"
  fi
}

bench_cluster_stop() {
  bench_as_pg_owner "$bench_pg_bin/pg_ctl" -D "$bench_pg_data" -m fast -w stop >/dev/null 2>&1 || true
}

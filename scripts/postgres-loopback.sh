# Sourced, not run: starts a throwaway PostgreSQL server (Debian's package) on 127.0.0.1 for the
# scripts that need one (benches/invoices-load/run.sh, scripts/deploy-test.sh), and stops it.
#
#   . scripts/postgres-loopback.sh
#   pg_loopback_start "$tmpdir" [extra server options...]   # sets PG_URL, PG_PID
#   pg_loopback_stop                                          # idempotent; call it from a trap
#
# The cluster lives in "$tmpdir/pg" with trust authentication, listens on 127.0.0.1 only, on a
# free port, and its socket is in the same directory. PostgreSQL refuses to run as root, so as
# root the server runs as the `postgres` user (which the Debian package creates) through runuser.
# Debian's `postgresql` is installed with apt when its server binaries are missing.

pg_loopback_install() {
    if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    echo "postgres-loopback: installing Debian's postgresql"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Runs a PostgreSQL program as the user the server runs as.
pg_loopback_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_loopback_free_port() {
    # Port 0 lets the kernel choose; the port is free again once the probe exits.
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
        echo $((20000 + RANDOM % 20000))
}

pg_loopback_start() {
    local dir="$1"
    shift
    pg_loopback_install
    PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
    PG_DIR="$dir/pg"
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        # The server's user must reach its directory inside the caller's (private) temp dir.
        chmod 711 "$dir"
        chown postgres:postgres "$PG_DIR"
    fi
    local port
    port=$(pg_loopback_free_port)
    pg_loopback_as_owner "$PG_BIN/initdb" -D "$PG_DIR/cluster" -A trust -U postgres --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
        { cat "$PG_DIR/initdb.log" >&2; return 1; }
    local options="-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 $*"
    pg_loopback_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/cluster" -o "$options" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null ||
        { cat "$PG_DIR/server.log" >&2; return 1; }
    PG_PID=$(head -n 1 "$PG_DIR/cluster/postmaster.pid")
    PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
    export PG_URL PG_PID
}

pg_loopback_stop() {
    if [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/cluster/postmaster.pid" ]; then
        # Stops the server this script started (pg_ctl signals the PID in postmaster.pid).
        pg_loopback_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/cluster" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            { [ -n "${PG_PID:-}" ] && kill "$PG_PID" 2>/dev/null; }
    fi
    PG_DIR=""
}

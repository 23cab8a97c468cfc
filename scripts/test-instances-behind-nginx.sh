#!/usr/bin/env bash
# Two instances of the invoices app behind nginx, end to end (issue 7, "several instances").
#
# Starts, all on 127.0.0.1 and in a temporary directory: one PostgreSQL server (Debian's package),
# two instances of the invoices app (A and B) with the same FORMACTION_SECRET, and nginx (Debian's
# package, as the current user, with its own pid, logs and temp paths) in front of them with a
# round-robin upstream. nginx adds `X-Upstream: <address of the instance that answered>` to every
# response, so each step can assert which instance rendered a page and which one took its
# submission. Then, through nginx only:
#
#   1. round robin: consecutive requests alternate between A and B;
#   2. a new-invoice form rendered by one instance is submitted to the other (303), and the flash
#      message sealed by the one is shown, once, by the other;
#   3. bound arguments: edit, mark paid and delete carry the invoice id sealed in the page; each
#      page is rendered by one instance and submitted to the other; a changed bound value is 400,
#      a cross-site post 403, a foreign Host 400 (the instances run without FORMACTION_ORIGIN, so
#      they serve loopback hosts, nginx's 127.0.0.1 included), a body over nginx's default 1 MB
#      limit passes (client_max_body_size);
#   4. key rotation K1 -> K2, restarting one instance at a time:
#        a. every instance accepts K2 while still sealing with K1 (SECRET=K1, PREVIOUS=K2);
#        b. every instance seals with K2 and still accepts K1 (SECRET=K2, PREVIOUS=K1); in the
#           window where A has moved and B not yet, pages sealed by either work on the other;
#        c. pages and a flash cookie sealed with K1 before the rotation work on both instances;
#        d. K1 removed (SECRET=K2): those old pages get a 400 that says why, on both instances,
#           while pages rendered now work across them;
#   5. once only: a new-invoice form, rendered anew each time, is sent twice at the same moment
#      (one post to each instance, round robin), 50 times: each pair gets the same answer (303,
#      Location, flash cookie) and exactly 50 invoices exist, one per form.
#
# Everything it starts is stopped at exit (trap; by PID only). Bounded: every request has a 10 s
# limit, every wait a limit, and `timeout` ends the script after 240 s (the build before is not counted).
#
# The app runs in the debug profile: scripts/test.sh has just built it in that profile for its
# `cargo test` and hands it over (INVOICES_BIN), so this step compiles nothing; a release build
# would cost minutes on two cores for a few dozen requests that need no speed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != --bounded ]; then
    # What the test needs, installed when missing: Debian's nginx and PostgreSQL. (In this
    # project's containers Debian's policy-rc.d keeps apt from starting their system services;
    # this script starts its own, on loopback ports.)
    if ! command -v nginx >/dev/null 2>&1 && ! [ -x /usr/sbin/nginx ]; then
        echo "instances-behind-nginx: installing Debian's nginx"
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
    fi
    . scripts/postgres-loopback.sh
    pg_loopback_install
    # INVOICES_BIN: an example-invoices binary already built (scripts/test.sh passes the one its
    # `cargo test` built); otherwise it is built here.
    if [ -z "${INVOICES_BIN:-}" ]; then
        cargo build -q -p example-invoices
    fi
    # The rest is bounded: `timeout` sends SIGTERM after 240 s, the trap below stops everything.
    exec timeout 240 "$0" --bounded
fi

started=$(date +%s)
tmp=$(mktemp -d)
pids=()

cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    pg_loopback_stop
    if [ "$status" -ne 0 ]; then
        for log in "$tmp"/*.log; do
            [ -f "$log" ] && { echo "--- $log (last lines)"; tail -n 20 "$log"; } >&2
        done
    fi
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'echo "instances-behind-nginx: stopped (time limit or signal)" >&2; exit 124' TERM INT

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
APP="${INVOICES_BIN:-${CARGO_TARGET_DIR:-target}/debug/example-invoices}"
[ -x "$APP" ] || { echo "no app binary at $APP" >&2; exit 1; }

. scripts/postgres-loopback.sh
# fsync off: this database lives for a minute and is not what is being tested.
pg_loopback_start "$tmp" -c fsync=off

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
        echo $((20000 + RANDOM % 20000))
}
PORT_A=$(free_port)
PORT_B=$(free_port)
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B=$(free_port); done
PORT_NGINX=$(free_port)
while [ "$PORT_NGINX" = "$PORT_A" ] || [ "$PORT_NGINX" = "$PORT_B" ]; do PORT_NGINX=$(free_port); done
base="http://127.0.0.1:$PORT_NGINX"

key() { head -c 32 /dev/urandom | base64; }
K1=$(key)
K2=$(key)

# ---------------------------------------------------------------- the instances
declare -A instance_pid
start_instance() { # name port secret [previous]
    local name=$1 port=$2 secret=$3 previous=${4:-}
    env -u FORMACTION_PREVIOUS_SECRETS PORT="$port" DATABASE_URL="$PG_URL" FORMACTION_SECRET="$secret" \
        ${previous:+FORMACTION_PREVIOUS_SECRETS="$previous"} RUST_LOG=warn \
        "$APP" >>"$tmp/instance-$name.log" 2>&1 &
    instance_pid[$name]=$!
    pids+=("$!")
    local deadline=$(($(date +%s) + 30))
    until curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/invoices"; do
        if ! kill -0 "${instance_pid[$name]}" 2>/dev/null; then
            echo "instance $name exited at start-up" >&2
            exit 1
        fi
        [ "$(date +%s)" -lt "$deadline" ] || { echo "instance $name not up within 30 s" >&2; exit 1; }
        sleep 0.1
    done
}
stop_instance() { # name: SIGTERM, on which the app answers what is in flight and exits; waits for it
    local pid=${instance_pid[$1]} waited=0
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do
        [ "$waited" -lt 100 ] || { kill -KILL "$pid"; break; }
        sleep 0.1
        waited=$((waited + 1))
    done
    wait "$pid" 2>/dev/null || true
}
restart_instance() { # name port secret [previous]
    stop_instance "$1"
    start_instance "$@"
}

start_instance A "$PORT_A" "$K1"
start_instance B "$PORT_B" "$K1"

# ---------------------------------------------------------------- nginx
mkdir -p "$tmp/nginx"
user_line=""
[ "$(id -u)" -ne 0 ] || user_line="user root root;"
cat >"$tmp/nginx/nginx.conf" <<EOF
$user_line
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 256; }
http {
    log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr';
    access_log $tmp/nginx-access.log upstream;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;

    upstream invoices {
        # Round robin, nginx's default: any instance may render a page and any other take its post.
        server 127.0.0.1:$PORT_A;
        server 127.0.0.1:$PORT_B;
    }
    server {
        listen 127.0.0.1:$PORT_NGINX;
        # The app accepts invoice bodies up to 5 MB (a 1 MiB attachment, multipart); nginx's default is 1 MB.
        client_max_body_size 6m;
        location / {
            proxy_pass http://invoices;
            # The host as the browser sent it, port included (\$host drops the port), so the app's
            # same-origin check compares Origin with the address the browser used.
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_connect_timeout 5s;
            proxy_send_timeout 30s;
            proxy_read_timeout 30s;
            # Which instance answered; the test asserts on it.
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
EOF
"$NGINX" -t -q -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx-error.log"
"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx-error.log" -g 'daemon off;' &
pids+=("$!")
deadline=$(($(date +%s) + 10))
until curl -s -o /dev/null --max-time 2 "$base/invoices"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "nginx not up within 10 s" >&2; exit 1; }
    sleep 0.1
done

# ---------------------------------------------------------------- helpers
checks=0
fail() {
    echo "FAIL: $*" >&2
    echo "--- last response: ${STATUS:-none} from ${SERVED_BY:-?}" >&2
    head -c 2000 "$tmp/body" >&2 2>/dev/null || true
    echo >&2
    exit 1
}
check() { # description, then a command that must succeed
    local what=$1
    shift
    if "$@"; then
        checks=$((checks + 1))
        echo "  ok  $what"
    else
        fail "$what"
    fi
}
name_of() {
    case "$1" in
        "127.0.0.1:$PORT_A") echo A ;;
        "127.0.0.1:$PORT_B") echo B ;;
        *) echo "unknown($1)" ;;
    esac
}
# Both are instance names, and different ones.
two_instances() { [ "$1" != "$2" ] && [[ "$1" =~ ^[AB]$ ]] && [[ "$2" =~ ^[AB]$ ]]; }

# http METHOD PATH [curl args]: through nginx, as a browser with JavaScript off does (a cookie jar,
# `Origin: <nginx's address>` on posts or $ORIGIN when set, redirects not followed). Sets STATUS,
# SERVED_BY (A or B, from nginx's X-Upstream), LOCATION, SENT (body bytes); the body is in $tmp/body.
http() {
    local method=$1 path=$2
    shift 2
    local extra=()
    [ "$method" = GET ] || extra=(-H "Origin: ${ORIGIN:-$base}")
    local written
    written=$(curl -sS --max-time 10 -X "$method" -o "$tmp/body" -D "$tmp/headers" -b "$tmp/jar" -c "$tmp/jar" \
        -w '%{http_code} %{size_upload}' "${extra[@]}" "$@" "$base$path") || fail "curl $method $path"
    STATUS=${written%% *}
    SENT=${written##* }
    SERVED_BY=$(name_of "$( (grep -i '^x-upstream:' "$tmp/headers" || true) | tr -d '\r' | awk '{ print $2 }')")
    LOCATION=$( (grep -i '^location:' "$tmp/headers" || true) | tr -d '\r' | awk '{ print $2 }')
}
body_has() { grep -qF -- "$1" "$tmp/body"; }
page_has() { grep -qF -- "$2" "$tmp/page-$1"; }
# The sealed `$bound` value of the form posting to ACTION_URL in the saved page NAME.
bound_in() { # name action-url
    local html rest
    html=$(cat "$tmp/page-$1")
    rest=${html#*"action=\"$2\""}
    [ "$rest" != "$html" ] || fail "no form posting to $2 in page $1"
    grep -o 'name="\$bound" value="[^"]*"' <<<"$rest" | head -n 1 | sed 's/.*value="//; s/"$//'
}
# The action URL (`?_action=<id>`) of the form in the saved page NAME for the action FUNCTION (its
# default id: the function's name, `.`, and a hash of its module path).
action_in() { # name function
    local url
    url=$( (grep -o "action=\"?_action=$2\.[0-9a-z]*\"" "$tmp/page-$1" || true) | head -n 1 | sed 's/^action="//; s/"$//')
    [ -n "$url" ] || fail "no form for the action $2 in page $1"
    echo "$url"
}
# render PATH NAME: GET a page, keep it as $tmp/page-NAME, remember which instance rendered it.
declare -A rendered_by
render() {
    http GET "$1"
    [ "$STATUS" = 200 ] || fail "GET $1 answered $STATUS"
    cp "$tmp/body" "$tmp/page-$2"
    rendered_by[$2]=$SERVED_BY
}
invoice_fields() { # number customer (urlencoded)
    printf 'number=%s&customer=%s&email=ada%%40example.com&amount=120.50&status=pending&notes=via+nginx' "$1" "$2"
    printf '&tags=billing&items%%5B0%%5D.description=Analysis&items%%5B0%%5D.quantity=2&items%%5B0%%5D.price=50.25'
}
sql() { psql "$PG_URL" -At -c "$1"; }

# ---------------------------------------------------------------- 1. round robin
echo "==> two instances behind nginx on $base (A on :$PORT_A, B on :$PORT_B, one PostgreSQL)"
http GET /invoices
first=$SERVED_BY
http GET /invoices
check "consecutive requests are served by both instances ($first, then $SERVED_BY)" two_instances "$first" "$SERVED_BY"

# ---------------------------------------------------------------- 2. a form across instances, flash
echo "==> a form rendered by one instance, submitted to the other; the flash message"
render /invoices/new new
CREATE=$(action_in new create_invoice)
check "the new-invoice form posts to its action ($CREATE)" [ -n "$CREATE" ]
http POST "/invoices/new$CREATE" --data "$(invoice_fields INV-0001 'Ada+Lovelace')"
check "rendered by ${rendered_by[new]}, submitted to $SERVED_BY" two_instances "${rendered_by[new]}" "$SERVED_BY"
check "303" [ "$STATUS" = 303 ]
is_invoice_path() { [[ "$1" =~ ^/invoices/[0-9]+$ ]]; }
check "... to the invoice ($LOCATION)" is_invoice_path "$LOCATION"
id1=${LOCATION#/invoices/}
posted_to=$SERVED_BY
check "the row is in the shared database" [ "$(sql "SELECT customer FROM invoices WHERE id = $id1")" = "Ada Lovelace" ]
render "/invoices/$id1" show1
check "the flash sealed by $posted_to is shown by ${rendered_by[show1]}" \
    two_instances "$posted_to" "${rendered_by[show1]}"
check "... with its text" page_has show1 "Invoice INV-0001 created"
http GET "/invoices/$id1"
check "... once (the next page, from $SERVED_BY, has none)" [ "$STATUS" = 200 ]
! body_has "Invoice INV-0001 created" || fail "the flash was shown twice"

# ---------------------------------------------------------------- 3. bound arguments across instances
echo "==> bound arguments (sealed invoice ids) across instances"
render "/invoices/$id1/edit" edit1
UPDATE=$(action_in edit1 update_invoice)
bound=$(bound_in edit1 "$UPDATE")
check "the edit form carries a sealed id" [ -n "$bound" ]
http POST "/invoices/$id1/edit$UPDATE" --data "$(invoice_fields INV-0001 'Ada+King')" \
    --data-urlencode "\$bound=$bound"
check "edit rendered by ${rendered_by[edit1]}, saved by $SERVED_BY: $STATUS" \
    two_instances "${rendered_by[edit1]}" "$SERVED_BY"
check "... 303" [ "$STATUS" = 303 ]
check "the change is stored" [ "$(sql "SELECT customer FROM invoices WHERE id = $id1")" = "Ada King" ]
saved_by=$SERVED_BY
render "/invoices/$id1" show1b
check "the flash of $saved_by is shown by ${rendered_by[show1b]}" two_instances "$saved_by" "${rendered_by[show1b]}"
check "... with its text" page_has show1b "Invoice INV-0001 saved"

render "/invoices/$id1" show1c
PAID=$(action_in show1c mark_paid)
DELETE=$(action_in show1c delete_invoice)
http POST "/invoices/$id1$PAID" --data-urlencode "\$bound=$(bound_in show1c "$PAID")"
check "mark paid rendered by ${rendered_by[show1c]}, run by $SERVED_BY" two_instances "${rendered_by[show1c]}" "$SERVED_BY"
check "... 303" [ "$STATUS" = 303 ]
check "the invoice is paid" [ "$(sql "SELECT status FROM invoices WHERE id = $id1")" = paid ]

http POST "/invoices/new$CREATE" --data "$(invoice_fields INV-0002 'Grace+Hopper')"
check "a second invoice (303)" [ "$STATUS" = 303 ]
id2=${LOCATION#/invoices/}
render "/invoices/$id2" show2
delete_bound=$(bound_in show2 "$DELETE")
flip=A
[ "${delete_bound:10:1}" != A ] || flip=B
http POST "/invoices/$id2$DELETE" --data-urlencode "\$bound=${delete_bound:0:10}$flip${delete_bound:11}"
check "a changed bound id is refused with 400 (by $SERVED_BY)" [ "$STATUS" = 400 ]
ORIGIN=https://evil.example http POST "/invoices/$id2$DELETE" --data-urlencode "\$bound=$delete_bound"
check "a cross-site post through nginx is refused with 403 (nginx passes the browser's Host)" [ "$STATUS" = 403 ]
check "the invoice is still there" [ "$(sql "SELECT count(*) FROM invoices WHERE id = $id2")" = 1 ]
# No FORMACTION_ORIGIN: the instances serve loopback hosts only, and nginx passes the browser's.
http GET /invoices -H "Host: rebind.attacker.test"
check "a foreign Host through nginx (DNS rebinding) is refused with 400 by $SERVED_BY" [ "$STATUS" = 400 ]
check "... saying why" body_has "unknown host"

# An attachment just under the app's 1 MiB: the multipart body is over nginx's default 1 MB limit.
printf '\x89PNG\r\n\x1a\n' >"$tmp/upload.png"
head -c 1048000 /dev/urandom >>"$tmp/upload.png"
http POST "/invoices/new$CREATE" -F number=INV-0003 -F customer=Upload -F email=up@example.com \
    -F amount=1 -F status=pending -F 'items[0].description=Scan' -F 'items[0].quantity=1' \
    -F 'items[0].price=1' -F "attachment=@$tmp/upload.png;type=image/png"
check "a multipart body of $SENT bytes (over nginx's default 1048576) passes client_max_body_size: 303" \
    test "$STATUS" = 303 -a "$SENT" -gt 1048576
check "... and the attachment's 1048008 bytes are stored" \
    [ "$(sql "SELECT length(attachment) FROM invoices WHERE number = 'INV-0003'")" = 1048008 ]

# ---------------------------------------------------------------- 4. key rotation
echo "==> key rotation K1 -> K2, one instance at a time"
render "/invoices/$id1/edit" old-edit-1
render "/invoices/$id1/edit" old-edit-2
check "pages rendered under K1 by both instances (${rendered_by[old-edit-1]}, ${rendered_by[old-edit-2]})" \
    two_instances "${rendered_by[old-edit-1]}" "${rendered_by[old-edit-2]}"
render "/invoices/$id2" old-show
http POST "/invoices/new$CREATE" --data "$(invoice_fields INV-0004 'Katherine+Johnson')"
check "an invoice created under K1, its flash cookie sealed with K1 and not read yet" [ "$STATUS" = 303 ]
id4=${LOCATION#/invoices/}
cp "$tmp/jar" "$tmp/jar-k1"
old_edit_1=$(bound_in old-edit-1 "$UPDATE")
old_edit_2=$(bound_in old-edit-2 "$UPDATE")
old_paid=$(bound_in old-show "$PAID")

restart_instance A "$PORT_A" "$K1" "$K2"
restart_instance B "$PORT_B" "$K1" "$K2"
echo "  (a) A, then B restarted: FORMACTION_SECRET=K1 FORMACTION_PREVIOUS_SECRETS=K2 (K2 accepted, not used)"

restart_instance A "$PORT_A" "$K2" "$K1"
echo "  (b) A restarted: FORMACTION_SECRET=K2 FORMACTION_PREVIOUS_SECRETS=K1; B still seals with K1"
for round in 1 2; do
    render "/invoices/$id1/edit" mixed
    http POST "/invoices/$id1/edit$UPDATE" --data "$(invoice_fields INV-0001 'Ada+King')" \
        --data-urlencode "\$bound=$(bound_in mixed "$UPDATE")"
    check "mid-rotation, a page sealed by ${rendered_by[mixed]} is saved by $SERVED_BY" \
        two_instances "${rendered_by[mixed]}" "$SERVED_BY"
    check "... 303" [ "$STATUS" = 303 ]
    http GET "/invoices/$id1" # reads the flash; round robin moves on, so the roles swap next time
done
restart_instance B "$PORT_B" "$K2" "$K1"
echo "  (b) B restarted the same way: both seal with K2 and accept K1"

for old in old_edit_1 old_edit_2; do
    served=()
    for attempt in 1 2; do
        http POST "/invoices/$id1/edit$UPDATE" --data "$(invoice_fields INV-0001 'Ada+King')" \
            --data-urlencode "\$bound=${!old}"
        check "the edit page ${rendered_by[${old//_/-}]} rendered under K1 is saved by $SERVED_BY after the rotation: 303" \
            [ "$STATUS" = 303 ]
        served+=("$SERVED_BY")
    done
    check "... by both instances (${served[*]})" two_instances "${served[@]}"
done
served=()
for attempt in 1 2; do
    http POST "/invoices/$id2$PAID" --data-urlencode "\$bound=$old_paid"
    check "the mark-paid page rendered under K1 works on $SERVED_BY: 303" [ "$STATUS" = 303 ]
    served+=("$SERVED_BY")
done
check "... on both instances (${served[*]})" two_instances "${served[@]}"
served=()
for attempt in 1 2; do
    cp "$tmp/jar-k1" "$tmp/jar"
    http GET "/invoices/$id4"
    check "the flash cookie sealed with K1 is shown by $SERVED_BY after the rotation" body_has "Invoice INV-0004 created"
    served+=("$SERVED_BY")
done
check "... by both instances (${served[*]})" two_instances "${served[@]}"

restart_instance A "$PORT_A" "$K2"
restart_instance B "$PORT_B" "$K2"
echo "  (d) A, then B restarted: FORMACTION_SECRET=K2 only (K1 removed)"
served=()
for attempt in 1 2; do
    http POST "/invoices/$id1/edit$UPDATE" --data "$(invoice_fields INV-0001 'Ada+Byron')" \
        --data-urlencode "\$bound=$old_edit_1"
    check "a page rendered under K1 is refused by $SERVED_BY: 400" [ "$STATUS" = 400 ]
    check "... saying why" body_has "sealed with a key that is no longer accepted"
    served+=("$SERVED_BY")
done
check "... by both instances (${served[*]})" two_instances "${served[@]}"
check "the refused edits changed nothing" [ "$(sql "SELECT customer FROM invoices WHERE id = $id1")" = "Ada King" ]
render "/invoices/$id2" fresh
http POST "/invoices/$id2$DELETE" --data-urlencode "\$bound=$(bound_in fresh "$DELETE")"
check "a page rendered under K2 by ${rendered_by[fresh]} deletes on $SERVED_BY" two_instances "${rendered_by[fresh]}" "$SERVED_BY"
check "... 303 to the list" test "$STATUS" = 303 -a "$LOCATION" = /invoices
check "the invoice is gone" [ "$(sql "SELECT count(*) FROM invoices WHERE id = $id2")" = 0 ]
deleted_by=$SERVED_BY
http GET /invoices
check "the flash 'Invoice deleted' of $deleted_by is shown by $SERVED_BY" two_instances "$deleted_by" "$SERVED_BY"
check "... with its text" body_has "Invoice deleted"

# ---------------------------------------------------------------- 5. the same form at the same moment
echo "==> once only: the same rendered form sent twice at the same moment, 50 times"
# post_raw OUT DATA: the new-invoice form's post through nginx, its headers in $tmp/OUT.headers
# (no cookie jar: the two posts of a pair run at once).
post_raw() {
    curl -sS --max-time 10 -o "$tmp/$1.body" -D "$tmp/$1.headers" -H "Origin: $base" \
        --data "$2" "$base/invoices/new$CREATE_NOW" || echo "curl failed" >"$tmp/$1.body"
}
# What makes two answers the same answer: status line, Location, Set-Cookie (the flash).
answer_in() { grep -iE '^(HTTP/|location:|set-cookie:)' "$tmp/$1.headers" | tr -d '\r' | sed 's/ *$//'; }
upstream_in() { name_of "$( (grep -i '^x-upstream:' "$tmp/$1.headers" || true) | tr -d '\r' | awk '{ print $2 }')"; }
before=$(sql "SELECT count(*) FROM invoices")
split=0
for round in $(seq 1 50); do
    render /invoices/new "once$round"
    CREATE_NOW=$(action_in "once$round" create_invoice)
    token=$(grep -o 'name="\$once" value="[^"]*"' "$tmp/page-once$round" | head -n 1 | sed 's/.*value="//; s/"$//')
    [ -n "$token" ] || fail "no one-time token in the new-invoice form (round $round)"
    # base64url needs no escaping in a urlencoded body; the name's `$` does.
    fields="$(invoice_fields "INV-5$(printf %03d "$round")" 'Twice+Clicked')&%24once=$token"
    post_raw "a$round" "$fields" &
    first=$!
    post_raw "b$round" "$fields" &
    second=$!
    wait "$first" "$second"
    [ "$(answer_in "a$round" | head -n 1)" = "HTTP/1.1 303 See Other" ] ||
        { cp "$tmp/a$round.body" "$tmp/body"; fail "round $round: $(answer_in "a$round" | head -n 1)"; }
    [ "$(answer_in "a$round")" = "$(answer_in "b$round")" ] ||
        fail "round $round: different answers: $(answer_in "a$round") / $(answer_in "b$round")"
    two_instances "$(upstream_in "a$round")" "$(upstream_in "b$round")" && split=$((split + 1))
done
check "50 pairs, each pair answered with the same 303, Location and flash cookie" true
check "each pair went to both instances, one post to A and one to B ($split of 50)" [ "$split" = 50 ]
created=$(($(sql "SELECT count(*) FROM invoices") - before))
check "exactly 50 invoices created ($created)" [ "$created" = 50 ]
check "... one per number" [ "$(sql "SELECT count(DISTINCT number) FROM invoices WHERE customer = 'Twice Clicked'")" = 50 ]

echo "instances-behind-nginx: $checks checks passed in $(($(date +%s) - started)) s"

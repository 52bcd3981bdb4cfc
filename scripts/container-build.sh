#!/usr/bin/env bash
# The Dockerfile's build, without Docker (CI has no Docker engine), then a
# smoke test of the result run as the image runs it.
#
# Build: the versions are the Dockerfile's ARG defaults, the `go build`
# command is the Dockerfile's own line, and the files land where the image
# has them, under $CONTAINER_OUT/rootfs (default bin/container/rootfs):
#
#   rootfs/usr/local/bin/belner                   go build -tags ORT (cgo)
#   rootfs/opt/belner/lib/libonnxruntime.so{,.1}  npm onnxruntime-node (scripts/ort.sh), sha256 checked
#   rootfs/opt/belner/model/                      models/belner-ner
#
# Smoke test: the staged belner serve, with the environment of the image's
# ENV lines (paths moved under rootfs/), as the image's numeric USER (with
# setpriv when run as root), working directory and HOME on the read-only
# rootfs, TMPDIR an empty directory of that user (the --tmpfs /tmp of
# `docker run`, the emptyDir of deploy/deployment.yaml) that must still be
# empty at the end, and no network but loopback. It waits for the
# HEALTHCHECK command (`belner probe`) to pass, POSTs a document, checks
# the entities, checks that the log holds none of the document's text,
# sends SIGTERM and checks a clean exit. With strace installed it also
# checks that the server opens no file for writing and connects nowhere.
#
# Idempotent: the rootfs is rebuilt each run; the npm package (.ort/) and
# Go's build cache are reused. Needs go, gcc, npm (first run), curl or
# python3, setpriv (util-linux) when run as root; strace is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 022

say() { echo "container-build: $*" >&2; }
die() { say "FAIL: $*"; exit 1; }

# traversable reports whether every user can reach the directory $1: the
# image's non-root user must read the rootfs staged under it.
traversable() {
	local d=$1
	while [ "$d" != / ]; do
		[ "$(stat -c %A "$d" | cut -c10)" = x ] || return 1
		d=$(dirname "$d")
	done
}

out="${CONTAINER_OUT:-$PWD/bin/container}"
staged_in_tmp=""
# A checkout under a private directory (a CI clone in mktemp -d) cannot be
# read by that user: stage in a directory of its own under /tmp instead.
if [ -z "${CONTAINER_OUT:-}" ] && ! traversable "$PWD"; then
	out=$(mktemp -d /tmp/belner-container.XXXXXX)
	chmod 755 "$out"
	staged_in_tmp=$out
fi
rootfs="$out/rootfs"

# --- what the Dockerfile says ------------------------------------------------
# arg NAME: the default of the Dockerfile's `ARG NAME=value`.
arg() {
	local v
	v=$(sed -n "s/^ARG $1=\(.*\)$/\1/p" Dockerfile)
	[ -n "$v" ] && [ "$(printf '%s\n' "$v" | wc -l)" -eq 1 ] || die "Dockerfile has no single ARG $1=..."
	printf '%s' "$v"
}
GO_VERSION=$(arg GO_VERSION)
DEBIAN_RELEASE=$(arg DEBIAN_RELEASE)
ORT_VERSION=$(arg ORT_VERSION)
ORT_LIB_SHA256=$(arg ORT_LIB_SHA256)
# The final stage: everything after the last FROM.
final=$(awk '/^FROM /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' Dockerfile)
build_cmd=$(sed -n 's/^[[:space:]]*\(go build .*\)$/\1/p' Dockerfile)
[[ "$build_cmd" == *" -o /out/belner ./cmd/belner" ]] || die "Dockerfile: no 'go build ... -o /out/belner ./cmd/belner' line"
user=$(sed -n 's/^USER \([0-9]*\):\([0-9]*\)$/\1 \2/p' <<<"$final")
read -r uid gid <<<"$user"
[ -n "${uid:-}" ] && [ "$uid" != 0 ] || die "Dockerfile: the final stage needs USER <uid>:<gid>, numeric, not root"
mapfile -t image_env < <(sed -n 's/^ENV \([A-Z_][A-Z0-9_]*=[^ ]*\)$/\1/p' <<<"$final")
[ ${#image_env[@]} -gt 0 ] || die "Dockerfile: no ENV KEY=value line in the final stage"

gomod=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
[ "$gomod" = "$GO_VERSION" ] || die "Dockerfile ARG GO_VERSION=$GO_VERSION, go.mod says go $gomod"
# The toolchain of the image; the go command fetches it from the module
# proxy if the local one differs.
export GOTOOLCHAIN="go$GO_VERSION" CGO_ENABLED=1
[ "$(go env GOVERSION)" = "go$GO_VERSION" ] || die "go is $(go env GOVERSION), want go$GO_VERSION"
if [ -r /etc/os-release ]; then
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	[ "$codename" = "$DEBIAN_RELEASE" ] ||
		say "warning: this machine is ${codename:-not Debian}, the image $DEBIAN_RELEASE: glibc and libstdc++ differ from the image's"
fi
# post URL BODY: POST a JSON body, print the answer (curl, else python3).
if command -v curl >/dev/null; then
	post() { curl -sS --fail --noproxy '*' --max-time 30 -X POST -H 'Content-Type: application/json' --data-binary "$2" "$1"; }
elif command -v python3 >/dev/null; then
	post() {
		python3 -c 'import sys, urllib.request as u
o = u.build_opener(u.ProxyHandler({}))
r = u.Request(sys.argv[1], sys.argv[2].encode(), {"Content-Type": "application/json"})
sys.stdout.write(o.open(r, timeout=30).read().decode())' "$1" "$2"
	}
else
	die "curl or python3 is needed for the smoke test"
fi

# --- build: the Dockerfile's stages -----------------------------------------
start=$SECONDS
[ ! -d "$rootfs" ] || chmod -R u+w "$rootfs"   # read-only if the last run was cut short
rm -rf "$rootfs"
mkdir -p "$rootfs/usr/local/bin" "$rootfs/opt/belner/lib" "$rootfs/opt/belner/model"

# Stage ort.
say "onnxruntime-node $ORT_VERSION (npm)"
dir="$(ORT_VERSION="$ORT_VERSION" scripts/ort.sh)"
echo "${ORT_LIB_SHA256}  ${dir}/libonnxruntime.so.1" | sha256sum --quiet -c - ||
	die "libonnxruntime.so.1 of onnxruntime-node $ORT_VERSION does not match ARG ORT_LIB_SHA256"
cp "$dir/libonnxruntime.so.1" "$rootfs/opt/belner/lib/libonnxruntime.so.1"
ln -s libonnxruntime.so.1 "$rootfs/opt/belner/lib/libonnxruntime.so"

# Stage build: the Dockerfile's go build line, writing into the rootfs.
[ -f models/belner-ner/model.onnx ] || die "models/belner-ner/model.onnx is missing (the image and the binary ship it)"
say "$GOTOOLCHAIN: $build_cmd"
eval "${build_cmd/ -o \/out\/belner / -o \"\$rootfs/usr/local/bin/belner\" }"

# Final stage: COPY models/belner-ner/ /opt/belner/model/
cp -R models/belner-ner/. "$rootfs/opt/belner/model/"
# Read-only as the image's layers are under --read-only, for its owner too.
chmod -R a+rX,a-w "$rootfs"
say "built in $((SECONDS - start)) s: $(du -sh "$rootfs" | cut -f1) under $rootfs"

# --- smoke test: run it as the image would ------------------------------------
port=${CONTAINER_PORT:-}
if [ -z "$port" ]; then
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
fi
tmp="$out/tmp"   # the image's /tmp: a tmpfs or emptyDir of its own
rm -rf "$tmp" "$out/serve.log" "$out/strace.log"
mkdir -m 0700 "$tmp"

# The environment: Docker's PATH and HOME (/ for a user without a passwd
# entry), the image's ENV with its paths under rootfs/, and the port.
envs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$rootfs" TMPDIR="$tmp")
for kv in "${image_env[@]}"; do
	k=${kv%%=*} v=${kv#*=}
	if [[ "$v" == /* ]]; then
		[ -e "$rootfs$v" ] || die "Dockerfile: ENV $k=$v, but the image has no $v"
		v="$rootfs$v"
	fi
	envs+=("$k=$v")
done
envs+=(BELNER_ADDR="127.0.0.1:$port")

# As the image's USER: drop to it when root (setpriv, util-linux).
as_user=()
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null || die "running as root: setpriv (util-linux) is needed to run as UID $uid"
	chown "$uid:$gid" "$tmp"
	as_user=(setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all --)
	for p in "$rootfs" "$rootfs/usr/local/bin/belner" "$rootfs/opt/belner/model/model.onnx" "$rootfs/opt/belner/lib/libonnxruntime.so.1"; do
		"${as_user[@]}" test -r "$p" || die "UID $uid cannot read $p: put CONTAINER_OUT where every user can read"
	done
else
	say "not root: running as UID $(id -u), not $uid"
fi
"${as_user[@]}" test ! -w "$rootfs" || die "the server's user can write $rootfs"
in_image() { (cd "$rootfs" && exec env -i "${envs[@]}" "${as_user[@]}" "$rootfs/usr/local/bin/belner" "$@"); }

tracer=()
if command -v strace >/dev/null && [ "${CONTAINER_STRACE:-1}" != 0 ]; then
	tracer=(strace -f -qq -o "$out/strace.log" -e trace=open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,truncate,link,linkat,symlink,symlinkat,connect)
fi

pid="" server=""   # the job (strace or belner) and belner itself
cleanup() {
	local p
	for p in $server $pid; do
		kill -0 "$p" 2>/dev/null || continue
		kill -TERM "$p" 2>/dev/null || true
		sleep 1
		kill -KILL "$p" 2>/dev/null || true
	done
	chmod -R u+w "$rootfs" 2>/dev/null || true   # so that rm -rf bin works
	[ -z "$staged_in_tmp" ] || rm -rf "$staged_in_tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "serve as UID $(if [ ${#as_user[@]} -gt 0 ]; then echo "$uid"; else id -u; fi), ${image_env[*]}, port $port${tracer:+, under strace}"
(cd "$rootfs" && exec env -i "${envs[@]}" "${tracer[@]}" "${as_user[@]}" "$rootfs/usr/local/bin/belner" serve) >"$out/serve.log" 2>&1 &
pid=$!
# env, setpriv and belner exec one another: the job is belner, or strace
# with belner its child.
server=$pid
if [ ${#tracer[@]} -gt 0 ]; then
	server=""
	for _ in $(seq 1 100); do
		server=$(pgrep -P "$pid" | head -n1 || true)
		[ -n "$server" ] && [ "$(readlink "/proc/$server/exe" 2>/dev/null)" = "$rootfs/usr/local/bin/belner" ] && break
		server=""
		sleep 0.1
	done
	[ -n "$server" ] || die "belner did not start under strace"
fi

# HEALTHCHECK CMD ["/usr/local/bin/belner", "probe"], as the image runs it.
ready=""
for _ in $(seq 1 240); do
	kill -0 "$pid" 2>/dev/null || { cat "$out/serve.log" >&2; die "serve exited before it was ready"; }
	if in_image probe 2>/dev/null; then ready=1; break; fi
	sleep 0.5
done
[ -n "$ready" ] || { cat "$out/serve.log" >&2; die "belner probe did not pass within 120 s"; }
say "healthcheck (belner probe) passes"
in_image probe -url "http://127.0.0.1:$port/nope" 2>/dev/null && die "belner probe passed on a 404"

# Synthetic data: a valid INSZ check number and IBAN, no real person.
doc='{"text":"Rijksregisternummer: 85.07.30-033.28\nIBAN BE71 0961 2345 6769\nJan Peeters woont in de Kerkstraat 12, 9000 Gent."}'
resp=$(post "http://127.0.0.1:$port/v1/analyze" "$doc") || die "POST /v1/analyze failed"
for t in INSZ IBAN; do
	grep -q "\"type\":\"$t\"" <<<"$resp" || die "no $t entity in the answer: $resp"
done
model_entities=$(grep -o '"recognizer":"model"' <<<"$resp" | wc -l || true)
say "POST /v1/analyze: $(grep -o '"type":"[A-Z_]*"' <<<"$resp" | cut -d'"' -f4 | sort | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=", "}') ($model_entities from the model)"

kill -TERM "$server"
rc=0
for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && die "serve still runs 40 s after SIGTERM"
wait "$pid" || rc=$?   # strace exits with the status of belner
pid="" server=""
[ "$rc" -eq 0 ] || { cat "$out/serve.log" >&2; die "serve exited with status $rc after SIGTERM"; }
grep -q '"msg":"model loaded","backend":"ort"' "$out/serve.log" || die "the log does not show the model loaded on the ort backend"
grep -q 'shutting down' "$out/serve.log" || die "the log does not show a graceful shutdown"
say "SIGTERM: clean exit"

# Nothing of the document in the log; nothing written.
for s in 85.07.30 "BE71 0961" Peeters Kerkstraat; do
	! grep -q "$s" "$out/serve.log" || die "the log holds document text ($s)"
done
[ -z "$(ls -A "$tmp")" ] || die "serve wrote into TMPDIR: $(ls -A "$tmp")"
if [ ${#tracer[@]} -gt 0 ]; then
	# Attempts count too: on the image's read-only root they would fail.
	writes=$(grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|mkdir|rename|unlink|truncate|link\(|symlink' "$out/strace.log" |
		grep -v '"/dev/null"' || true)
	[ -z "$writes" ] || die "serve writes (or tries to write) to the filesystem:
$writes"
	# No network: the server connects to nothing, not even a DNS server.
	conns=$(grep -E 'connect\(.*AF_INET' "$out/strace.log" || true)
	[ -z "$conns" ] || die "serve opened network connections:
$conns"
	say "strace: no file opened for writing, created or removed, not even tried; no connection made"
fi
say "OK in $((SECONDS - start)) s"

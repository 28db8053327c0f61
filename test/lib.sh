# test/lib.sh: shared set-up for the test runner and the demo.
# Source it; it defines functions and changes nothing by itself.

# The PostgreSQL major each Debian release packages.  The host's own major is
# tested on the host; the others in Debian roots (test/versions.sh).
pg_major_of_suite() {
	case $1 in
	bookworm) echo 15 ;;
	trixie) echo 17 ;;
	forky | sid) echo 18 ;;
	esac
}
suite_of_pg_major() {
	case $1 in
	15) echo bookworm ;;
	17) echo trixie ;;
	18) echo sid ;; # forky has no debootstrap script yet; sid packages 18 too
	esac
}
HOST_PG=${HOST_PG:-$(pg_major_of_suite "$(. /etc/os-release && echo "${VERSION_CODENAME:-}")")}
HOST_PG=${HOST_PG:-15}

# Debian packages the build, the tests and the demo need, for one major.
packages_for() {
	echo "make gcc postgresql-$1 postgresql-server-dev-$1 postgresql-$1-pgtap libtap-parser-sourcehandler-pgtap-perl postgresql-common zlib1g-dev libxml2-dev"
}
INDICATOR_PACKAGES=$(packages_for "$HOST_PG")
# for the importer tests (xlsx files), the fuzz targets, the memory check
# and the drivers (test/clients)
INDICATOR_TEST_PACKAGES="python3-openpyxl clang libclang-rt-dev valgrind default-jdk-headless libpostgresql-jdbc-java python3-psycopg python3-psycopg2 python3-sqlalchemy"
# for the Debian package and the PGXN zip (test/package.sh, test/release.sh)
INDICATOR_PACKAGE_PACKAGES="git build-essential debhelper dpkg-dev postgresql-server-dev-all pgxnclient"

say() { printf '== %s\n' "$*" >&2; }

# TAP for the check scripts: check WHAT GOT WANT prints "ok N - WHAT", or
# "not ok N - WHAT" with what it got and wanted; N counts in $n, which the
# script prints as its plan ("1..$n") at the end.
check() {
	n=$((${n:-0} + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1 (got '$2', want '$3')"
	fi
}

# "passed failed" of a check's TAP output; one that printed no TAP line at
# all counts as one failure (it died before it could say).
tap_tally() {
	local ok bad
	ok=$(printf '%s\n' "$1" | grep -c '^ok ' || true)
	bad=$(printf '%s\n' "$1" | grep -c '^not ok ' || true)
	[ "$ok" -eq 0 ] && [ "$bad" -eq 0 ] && bad=1
	echo "$ok $bad"
}

# Install whatever of INDICATOR_PACKAGES is missing (needs root on a fresh machine).
install_packages() {
	local missing="" p
	for p in $INDICATOR_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "missing Debian packages:$missing (run as root to install them)" >&2
		return 1
	fi
	say "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Build with warnings as errors and install into the server's directories.
build_and_install() {
	local top=$1
	export PG_CONFIG=/usr/lib/postgresql/$HOST_PG/bin/pg_config
	say "building (warnings are errors)"
	# each step stops the build: callers may test the status (set -e does
	# not hold inside a function called from a condition)
	make -C "$top" -s clean >/dev/null || return 1
	make -C "$top" -s PROFILE="-Werror" >/dev/null || return 1
	make -C "$top" -s install >/dev/null || return 1
}

# the server binaries; a private install (private_install) may stand in
PGBIN=${PGBIN:-/usr/lib/postgresql/$HOST_PG/bin}

# Run a command as the cluster owner: postgres when we are root (the server
# refuses to run as root), ourselves otherwise.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# start_cluster DIR [BINDIR]: a throwaway cluster in DIR, listening only on a
# unix socket in DIR (no TCP), run by the binaries in BINDIR (default
# $PGBIN).  Sets PGHOST, PGPORT, PGUSER, PGDATABASE.
start_cluster() {
	local dir=$1 bin=${2:-$PGBIN}
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir" && chmod 700 "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth=trust >/dev/null
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=5432" start >/dev/null
	export PGHOST=$dir PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
}

stop_cluster() {
	local dir=$1 bin=${2:-$PGBIN}
	as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# private_install DIR [MAKEFLAGS...]: a PostgreSQL of our own under DIR, a
# copy of the system's binaries and share files with this tree's build
# installed into it.  PostgreSQL finds its lib and share directories
# relative to its binaries, so servers started from "$DIR$PGBIN" load the
# module installed here and never the system's (nor does any other cluster
# on the machine load ours).  Sets PRIVATE_PGBIN.
private_install() {
	local dir=$1 top=$2
	shift 2
	local major
	major=$("$PGBIN/pg_config" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
	rm -rf "$dir"
	mkdir -p "$dir/usr/lib/postgresql" "$dir/usr/share/postgresql"
	cp -a "/usr/lib/postgresql/$major" "$dir/usr/lib/postgresql/"
	cp -a "/usr/share/postgresql/$major" "$dir/usr/share/postgresql/"
	make -C "$top" -s clean >/dev/null
	make -C "$top" -s PG_CONFIG="$PGBIN/pg_config" "$@" >/dev/null
	make -C "$top" -s PG_CONFIG="$PGBIN/pg_config" DESTDIR="$dir" install >/dev/null
	PRIVATE_PGBIN="$dir$PGBIN"
}

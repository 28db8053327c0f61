# test/lib.sh: shared set-up for the test runner and the demo.
# Source it; it defines functions and changes nothing by itself.

# Debian packages the build, the tests and the demo need.
INDICATOR_PACKAGES="make gcc postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl postgresql-common"

say() { printf '== %s\n' "$*" >&2; }

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
	export PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
	say "building (warnings are errors)"
	make -C "$top" -s clean >/dev/null
	make -C "$top" -s PROFILE="-Werror" >/dev/null
	make -C "$top" -s install >/dev/null
}

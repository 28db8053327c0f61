#!/usr/bin/env bash
# The suite on a PostgreSQL major the host does not package, in a Debian
# root that has it:
#
#   bash test/versions.sh 17     # trixie's PostgreSQL 17
#   bash test/versions.sh 18     # sid's PostgreSQL 18
#
# The root is made with debootstrap (minbase) plus that major's packages,
# and cached in $INDICATOR_ROOTS (default /var/cache/indicator/roots) under
# the suite's name and today's date, so that the runs of one day share it
# and the next day's first run takes the suite's new packages.  An older
# root of the same suite is removed once a new one is ready.  A copy of
# this tree is built in the root with -Werror and installed, and
# test/in_cluster.sh runs its version checks there in a pg_virtualenv
# cluster: pg_regress (the upgrade test among them), pgTAP, the importer's
# C unit tests, the importers over every format and the real tables, and
# dump/restore with COPY.
#
# Needs root (debootstrap, chroot, a mount namespace for /proc).  Prints the
# checks' output, then "passed failed PostgreSQL N (...)" on its last line, and exits
# non-zero when anything failed, the set-up included.
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

major=$1
report() {
	echo "$1 $2 PostgreSQL $major (Debian ${suite:-no} root)"
	[ "$2" -eq 0 ]
	exit
}
suite=$(suite_of_pg_major "$major")
if [ -z "$suite" ]; then
	echo "# PostgreSQL $major: no Debian suite packages it" >&2
	report 0 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "# PostgreSQL $major: making a Debian root needs root" >&2
	report 0 1
fi

cache=${INDICATOR_ROOTS:-/var/cache/indicator/roots}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
root=$cache/$suite-$(date -u +%Y-%m-%d)
packages="$(packages_for "$major") python3-openpyxl"

# run a command in ROOT, with its own /proc and /dev/shm in a private mount
# namespace: the mounts end with the command, whatever happens to it
in_root() {
	local r=$1
	shift
	cp /etc/resolv.conf "$r/etc/resolv.conf"
	unshare --mount --fork sh -c 'r=$1; shift
		mount -t proc proc "$r/proc" && mount -t tmpfs tmpfs "$r/dev/shm" &&
		exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"' \
		sh "$r" "$@"
}

make_root() {
	local part=$root.partial old
	if [ -f "$root/.indicator-root" ] && [ "$(cat "$root/.indicator-root")" = "$packages" ]; then
		say "PostgreSQL $major: the cached $suite root $root"
		return 0
	fi
	INDICATOR_PACKAGES=debootstrap install_packages || return 1
	say "PostgreSQL $major: making a $suite root in $root (debootstrap, then the packages)"
	rm -rf "$part" "$root"
	mkdir -p "$cache"
	debootstrap --variant=minbase "$suite" "$part" "$mirror" >"$cache/$suite.log" 2>&1 ||
		{ tail -20 "$cache/$suite.log" >&2; return 1; }
	# no service starts in the root, no cluster is made by the packages, and
	# sid's Release may be older than its Valid-Until against this clock
	printf '#!/bin/sh\nexit 101\n' >"$part/usr/sbin/policy-rc.d"
	chmod 755 "$part/usr/sbin/policy-rc.d"
	mkdir -p "$part/etc/postgresql-common"
	echo "create_main_cluster = false" >"$part/etc/postgresql-common/createcluster.conf"
	echo 'Acquire::Check-Valid-Until "false";' >"$part/etc/apt/apt.conf.d/99indicator"
	# shellcheck disable=SC2086
	in_root "$part" sh -c "DEBIAN_FRONTEND=noninteractive; export DEBIAN_FRONTEND
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages && apt-get clean" \
		>>"$cache/$suite.log" 2>&1 || { tail -20 "$cache/$suite.log" >&2; return 1; }
	echo "$packages" >"$part/.indicator-root"
	mv "$part" "$root"
	for old in "$cache/$suite"-*; do
		[ "$old" = "$root" ] || [ "$old" = "$cache/$suite.log" ] || rm -rf "$old"
	done
}

if ! make_root; then
	echo "not ok - PostgreSQL $major: could not make the $suite root (see $cache/$suite.log)"
	report 0 1
fi

# the tree, without its git directory and build products, in the root
rm -rf "$root/build"
mkdir -p "$root/build/indicator"
tar -C "$top" --exclude=.git --exclude='test/*/build' --exclude='*.o' --exclude='*.so' -cf - . |
	tar -C "$root/build/indicator" -xf -
in_root "$root" bash /build/indicator/test/in_root.sh
counts=$(cat "$root/build/counts" 2>/dev/null)
rm -rf "$root/build"
if [ -z "$counts" ]; then
	echo "not ok - PostgreSQL $major: the checks in the root did not finish"
	report 0 1
fi
# shellcheck disable=SC2086
report $counts

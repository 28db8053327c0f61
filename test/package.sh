#!/usr/bin/env bash
# The Debian package, as Debian and the PostgreSQL apt repository build
# extensions: prints TAP lines.
#
#   bash test/package.sh
#
# A copy of this tree gets debian/control for the host's PostgreSQL majors
# (pg_buildext updatecontrol) and is built with dpkg-buildpackage -us -uc -b.
# The postgresql-NN-indicator package is installed with dpkg, a fresh
# cluster creates the extension from the package's files (and updates it
# from 1.0 through the packaged scripts), then the package is removed.
# Needs root.  Installing replaces the files of an earlier `make install`
# and removing deletes them: the test command installs from source again
# afterwards.
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

pkg=postgresql-$HOST_PG-indicator
version=$(sed -nE "s/^default_version = '([^']*)'/\1/p" "$top/indicator.control")
if [ "$(id -u)" != 0 ]; then
	echo "not ok 1 - the package test installs a package and needs root"
	echo "1..1"
	exit 1
fi
work=$(mktemp -d /tmp/indicator-package.XXXXXX)
chmod 755 "$work"
cleanup() {
	stop_cluster "$work/cluster"
	dpkg -r "$pkg" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/src"
tar -C "$top" --exclude=.git --exclude='test/*/build' --exclude='*.o' --exclude='*.so' --exclude='*.bc' -cf - . |
	tar -C "$work/src" -xf -
(cd "$work/src" && pg_buildext updatecontrol && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1
rc=$?
[ "$rc" = 0 ] || tail -30 "$work/build.log" | sed 's/^/# /'
check "dpkg-buildpackage builds the package" "$rc" 0
deb=$(ls "$work/${pkg}_"*.deb 2>/dev/null | head -1)
check "it is $pkg, version $version" "$(dpkg-deb -f "$deb" Package Version 2>/dev/null | paste -sd' ')" \
	"Package: $pkg Version: $version-$(sed -nE '1s/^[^ ]+ \([^-]+-([^)]*)\).*/\1/p' "$top/debian/changelog")"
check "it depends on the server of its major" \
	"$(dpkg-deb -f "$deb" Depends 2>/dev/null | grep -oE "postgresql-$HOST_PG( |,|$)" | head -1 | tr -d ' ,')" "postgresql-$HOST_PG"
files=$(dpkg-deb -c "$deb" 2>/dev/null | awk '{print $6}')
want=$( (cd "$top/sql" && ls indicator--*.sql; echo indicator.control; echo indicator.so) | sort)
have=$(printf '%s\n' "$files" | grep -E '/(indicator--[^/]*\.sql|indicator\.control|indicator\.so)$' | sed 's|.*/||' | sort)
check "it holds the module, the control file and every install and update script" "$have" "$want"

dpkg -i "$deb" >"$work/install.log" 2>&1
check "dpkg -i installs it" "$?" 0
libdir=$("$PGBIN/pg_config" --pkglibdir)
check "the server's module is the package's file" "$(dpkg -S "$libdir/indicator.so" 2>/dev/null | cut -d: -f1)" "$pkg"

start_cluster "$work/cluster"
# from /: the clone may sit in a directory the cluster owner cannot enter (mktemp -d is 0700)
q() { (cd / && as_owner psql -X -q -At -v ON_ERROR_STOP=1 "$@") 2>&1; }
check "CREATE EXTENSION indicator from the package, and a score" \
	"$(q -c 'CREATE EXTENSION indicator' -c "SELECT extversion, score('>= 10 次', '12 次', 20) FROM pg_extension WHERE extname = 'indicator'")" \
	"$version|20.00"
check "the packaged update scripts take 1.0 to $version" \
	"$(q -c 'CREATE DATABASE upd' >/dev/null; q -d upd -c "CREATE EXTENSION indicator VERSION '1.0'" -c 'ALTER EXTENSION indicator UPDATE' -c "SELECT extversion FROM pg_extension WHERE extname = 'indicator'")" \
	"$version"
stop_cluster "$work/cluster"

dpkg -r "$pkg" >/dev/null 2>&1
check "dpkg -r removes it, module and scripts" "$(ls "$libdir/indicator.so" "$("$PGBIN/pg_config" --sharedir)/extension/indicator.control" 2>/dev/null | wc -l)" 0
echo "1..$n"

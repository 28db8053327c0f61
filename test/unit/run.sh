#!/usr/bin/env bash
# Unit tests of the importer's stages (test/unit/importer_stages.c): each
# stage's functions called directly on small inputs, outside the server.
#
#   bash test/unit/run.sh
#
# The program is built with gcc (or cc) from the same pure-core objects the
# fuzz targets link (the core list of test/fuzz/run.sh) and the fuzz shim
# that stands in for palloc; it needs the server's headers and its static
# libpgcommon and libpgport, but no running server and no clang.  It prints
# TAP ("ok N - ..." / "not ok N - ...", diagnostics as "# ..." lines, then
# "1..N") and exits non-zero when a check failed or the build did.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$HOST_PG/bin/pg_config}
inc=$($PG_CONFIG --includedir-server)
libdir=$($PG_CONFIG --pkglibdir)
[ -f "$libdir/libpgport.a" ] || libdir=$($PG_CONFIG --libdir)
cc=${CC:-$(command -v gcc || command -v cc)}

build="$top/test/unit/build"
mkdir -p "$build"
# the pure core, as test/fuzz/run.sh lists it
core="decimal error scan units literal storage indicator_cmp exact policy actual score score_quick review goal_review goal_review_import scorecard hierarchy weights infer gt_cells gt_columns gt_runon gt_stream gt_row gt_levels goal_table selfeval indicator_wire scorecard_wire fixed monitor monitor_state"
# PostgreSQL's code relies on -fno-strict-aliasing and -fwrapv, as its own build does
cflags=(-Wall -Werror -O1 -g -fno-strict-aliasing -fwrapv)

echo "# building test/unit/importer_stages with $cc" >&2
objs=()
for f in $core; do
	"$cc" "${cflags[@]}" -I "$top/src" -isystem "$inc" -c "$top/src/$f.c" -o "$build/$f.o"
	objs+=("$build/$f.o")
done
"$cc" "${cflags[@]}" -isystem "$inc" -c "$top/test/fuzz/shim.c" -o "$build/shim.o"
"$cc" "${cflags[@]}" -I "$top/src" -isystem "$inc" -c "$top/test/unit/importer_stages.c" \
	-o "$build/importer_stages.o"
"$cc" -g -o "$build/importer_stages" "$build/importer_stages.o" "${objs[@]}" "$build/shim.o" \
	"$libdir/libpgcommon.a" "$libdir/libpgport.a" -lz -lm

# the program reads test/data/real/ relative to the repository root
exec "$build/importer_stages" "$top"

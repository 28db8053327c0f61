#!/usr/bin/env bash
# Sanitizers: the pg_regress suite (the Makefile's REGRESS list) and the
# pgTAP suite (test/pgtap/*.sql) against a server that loads the module
# built with AddressSanitizer and UndefinedBehaviorSanitizer (gcc,
# -fsanitize=address,undefined -fno-sanitize-recover=undefined).
#
#   bash test/sanitize.sh [TREE]      # TREE defaults to this script's tree
#
# It prints TAP lines for the test runner to count, and the reports if any:
#
#   ok - sanitizers: the server runs the instrumented module with the ASan and UBSan runtimes
#   ok - sanitizers: pg_regress 14 tests passed under ASan+UBSan
#   ok - sanitizers: pgTAP 1372 assertions passed under ASan+UBSan
#   ok - sanitizers: no report
#
# Exit status 0 when every line is "ok", 1 otherwise.  A failure prints
# each report (its first stack frames, and whether the extension's code is
# on the stack) and the statement that was running.  SANITIZE_KEEP=yes keeps
# the scratch directory (the server log is cluster/server.log there).
#
# What it can see: UBSan checks the module's code only (PostgreSQL is not
# instrumented).  ASan checks every access the module makes to its own
# stack and globals and to memory from malloc; but palloc'd memory lies
# inside blocks PostgreSQL mallocs whole, so an overrun of a palloc chunk
# that stays within its block goes unseen.
#
# Nothing outside a scratch directory in /tmp is written: the instrumented
# module goes into a private copy of PostgreSQL (test/lib.sh,
# private_install), never into the system's lib directory, and TREE itself
# is only read (the build happens in a copy).  The scratch directory, its
# cluster and the private install are removed on exit.  Runs as root (the
# server then runs as postgres) or as the cluster owner.  Needs gcc (whose
# libasan and libubsan it uses), PostgreSQL 15, pgTAP and pg_prove: the
# packages of test/lib.sh, installed when missing.
#
# The server binary is not instrumented, so the sanitizer runtimes are
# preloaded into the postmaster (LD_PRELOAD; backends are forked from it and
# inherit them), with a small library of ours that starts them properly:
# see make_sanitizer_init below, and why postgres otherwise hangs at once.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
top=$(cd "${1:-$here}" && pwd) || exit 1
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"

failed=0
ok() { echo "ok - sanitizers: $*"; }
not_ok() {
	echo "not ok - sanitizers: $*"
	failed=1
}

if ! install_packages; then
	not_ok "the packages test/lib.sh lists are missing"
	exit 1
fi

work=$(mktemp -d /tmp/indicator-sanitize.XXXXXX)
cluster=$work/cluster
# shellcheck disable=SC2317  # (called by the trap)
cleanup() {
	[ -n "${PRIVATE_PGBIN:-}" ] && [ -f "$cluster/data/postmaster.pid" ] &&
		stop_cluster "$cluster" "$PRIVATE_PGBIN"
	if [ "${SANITIZE_KEEP:-no}" = yes ]; then
		echo "# kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The server reads the bundled data and pg_regress writes its results in the
# tree, so the suites run in a copy that the cluster owner owns; the build
# happens there too, so TREE's own build products are left alone.
tree=$work/tree
mkdir -p "$tree"
tar -C "$top" --exclude=.git --exclude=test/fuzz/build -cf - . | tar -C "$tree" -xf -
chmod 755 "$work"

# Frame pointers for useful stacks; -O1 keeps them short and the build quick.
# PGXS puts COPT on the compile and the link line alike, so the module is
# linked against the runtimes too.
sanflags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
say "building with $sanflags into a private install"
if ! private_install "$work/inst" "$tree" COPT="$sanflags"; then
	not_ok "the instrumented build failed"
	exit 1
fi
module=$work/inst$("$PGBIN/pg_config" --pkglibdir)/indicator.so

libasan=$(readlink -f "$(gcc -print-file-name=libasan.so)")
libubsan=$(readlink -f "$(gcc -print-file-name=libubsan.so)")

# make_sanitizer_init OUT: a library, preloaded after libasan, that starts
# ASan at the right moment and gives UBSan its options.
#
# ASan first.  Preloaded into an uninstrumented postgres, libasan starts
# lazily, at the first malloc.  That comes from libgpg-error's constructor
# (postgres links it via libsystemd, libgcrypt and others), which calls
# bindtextdomain(); bindtextdomain mallocs while it holds glibc's gettext
# lock (_nl_state_lock) as writer.  ASan's start-up then calls dlerror(),
# whose dcgettext() cannot take that lock as a reader, and unlocks it all the
# same: the writer's lock is gone, and bindtextdomain's own unlock then drives
# the reader count below zero.  The next bindtextdomain(), postgres' own in
# set_pglocale_pgservice(), waits on the broken lock for ever.  (pg_ctl and
# psql do not link libgpg-error, which is why they run fine preloaded.)  An
# instrumented executable starts ASan from its .preinit_array, before any
# constructor; our postgres has none, so this library stands in for it:
# linked with -z initfirst, the dynamic linker runs its constructor before
# those of all other libraries.  Nothing is stubbed out: gettext keeps
# working.
#
# The options.  ASan reads ASAN_OPTIONS as it starts, in the postmaster,
# and the backends inherit what it read.  gcc's shared libubsan, though,
# starts lazily, at its first report, and would read UBSAN_OPTIONS then,
# from /proc/self/environ, the process's original environment block: in a
# backend, postgres has long since written its process title ("postgres:
# postgres regression [local] SELECT") over that block, so the options
# would be lost (no stack, exit code 1).  So this library defines
# __ubsan_default_options, which libubsan reads as well as the
# environment.  (The same for ASan would not work: libasan, first in the
# search order, finds its own default __asan_default_options first.)
#   detect_leaks=0: memory contexts are freed wholesale, at the end of the
#     query or of the process, which LeakSanitizer would take for leaks.
#   halt_on_error (with -fno-sanitize-recover): the first report ends the
#     backend, so the query that caused it fails visibly as well.
#   exitcode=86: a status the postmaster logs and nothing else uses.
# Reports go to stderr, that is to the server log: libubsan cannot write
# anywhere else here (its log_path setting ends up in libasan's copy of the
# shared sanitizer code, which comes first in the search order).
asan_options="detect_leaks=0:halt_on_error=1:exitcode=86:print_summary=1"
make_sanitizer_init() {
	local out=$1
	cat >"$work/sanitizer_init.c" <<-'EOF'
		/* Start ASan first; give UBSan its options (see test/sanitize.sh). */
		extern void __asan_init(void);
		extern const char *__ubsan_default_options(void);

		const char *
		__ubsan_default_options(void)
		{
			return "print_stacktrace=1:halt_on_error=1:exitcode=86:print_summary=1";
		}

		__attribute__((constructor)) static void
		sanitizer_init(void)
		{
			__asan_init();
		}
	EOF
	gcc -shared -fPIC -Wl,-z,initfirst -o "$out" "$work/sanitizer_init.c" "$libasan"
}
if ! make_sanitizer_init "$work/sanitizer_init.so"; then
	not_ok "could not build the sanitizer initialiser"
	exit 1
fi
[ "$(id -u)" = 0 ] && chown -R postgres "$work"

# start_sanitized: the cluster of lib.sh's start_cluster, but its server
# started with the runtimes preloaded (pg_ctl passes its environment on to
# the postmaster; initdb runs without them, as it never loads the module).
# The first report stops the server (restart_after_crash=off): what follows
# fails at once, rather than racing crash recovery.
start_sanitized() {
	mkdir -p "$cluster"
	[ "$(id -u)" = 0 ] && chown postgres "$cluster" && chmod 700 "$cluster"
	as_owner "$PRIVATE_PGBIN/initdb" -D "$cluster/data" -U postgres -E UTF8 \
		--locale=C.UTF-8 --auth=trust >/dev/null || return 1
	as_owner env LD_PRELOAD="$libasan:$work/sanitizer_init.so:$libubsan" ASAN_OPTIONS="$asan_options" \
		"$PRIVATE_PGBIN/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 120 \
		-o "-c listen_addresses='' -c unix_socket_directories='$cluster' -c port=5432 -c restart_after_crash=off" \
		start >/dev/null || return 1
	export PGHOST=$cluster PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
}
say "starting a server with the sanitizer runtimes preloaded"
if ! start_sanitized; then
	not_ok "the server did not start with the sanitizer runtimes preloaded"
	tail -20 "$cluster/server.log" 2>/dev/null
	exit 1
fi

# Prove the run means something: a backend that has loaded the module maps
# the runtimes and the module of the private install, and the module holds
# the sanitizers' checks.
# (grep -q reads from strings: ending a pipe early would be a failure to
# pipefail.)
symbols=$(nm -D "$module" 2>&1)
maps=$(psql -X -A -t -q -v ON_ERROR_STOP=1 \
	-c "CREATE EXTENSION IF NOT EXISTS indicator" \
	-c "SELECT '>= 1 次'::indicator" \
	-c "SELECT pg_read_file('/proc/self/maps')" 2>&1)
if grep -qF "$module" <<<"$maps" &&
	grep -qF "$libasan" <<<"$maps" &&
	grep -qF "$libubsan" <<<"$maps" &&
	grep -q ' U __asan_report_load' <<<"$symbols" &&
	grep -q ' U __ubsan_handle_' <<<"$symbols"; then
	ok "the server runs the instrumented module with the ASan and UBSan runtimes"
else
	not_ok "the server does not run the instrumented module with the sanitizer runtimes"
	printf '%s\n' "$maps" | grep -E 'indicator|asan|ubsan|ERROR|FATAL' | head -10
fi
psql -X -q -c "DROP EXTENSION indicator" >/dev/null

say "pg_regress"
regress_out=$(cd "$tree" && as_owner make -s installcheck PG_CONFIG="$PRIVATE_PGBIN/pg_config" 2>&1)
regress_rc=$?
# PostgreSQL 15 prints "test name ... ok"; 16 on prints TAP lines
total=$(printf '%s\n' "$regress_out" | grep -cE '\.\.\. +(ok|FAILED|failed)' || true)
bad=$(printf '%s\n' "$regress_out" | grep -cE '\.\.\. +(FAILED|failed)' || true)
if [ "$total" -eq 0 ]; then
	total=$(printf '%s\n' "$regress_out" | grep -cE '^(ok|not ok) ' || true)
	bad=$(printf '%s\n' "$regress_out" | grep -cE '^not ok ' || true)
fi
if [ "$regress_rc" -eq 0 ] && [ "$total" -gt 0 ] && [ "$bad" -eq 0 ]; then
	ok "pg_regress $total tests passed under ASan+UBSan"
else
	not_ok "pg_regress: $bad of $total tests failed under ASan+UBSan"
	printf '%s\n' "$regress_out" | tail -30
	[ -f "$tree/regression.diffs" ] && head -100 "$tree/regression.diffs"
fi

say "pgTAP"
tap_out=$(createdb indicator_tap &&
	psql -X -q -d indicator_tap -v ON_ERROR_STOP=1 \
		-c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION indicator' &&
	PGDATABASE=indicator_tap INDICATOR_DATA="$tree/data" \
		as_owner pg_prove --ext .sql -r "$tree/test/pgtap" 2>&1)
tap_rc=$?
tap_tests=$(printf '%s\n' "$tap_out" | sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p')
tap_tests=${tap_tests:-0}
if [ "$tap_rc" -eq 0 ] && [ "$tap_tests" -gt 0 ] && grep -q '^Result: PASS' <<<"$tap_out"; then
	ok "pgTAP $tap_tests assertions passed under ASan+UBSan"
else
	not_ok "pgTAP failed under ASan+UBSan"
	printf '%s\n' "$tap_out" | grep -vE '^\S+\.sql \.+ ok$' | tail -40
fi

# The verdict: every sanitizer report in the server log, and every server
# process that died (a report ends its process with exit code 86; a crash
# ASan could not describe shows as a signal).  The server is stopped first,
# so that the log is complete.
stop_cluster "$cluster" "$PRIVATE_PGBIN"
log=$cluster/server.log
start_re='(: runtime error: |==[0-9]+==ERROR: [A-Za-z]+Sanitizer)'
reports=$(grep -cE "$start_re" "$log" || true)
# exit code 1 alone is an ordinary end: the replication launcher's at shutdown
died=$(grep -E 'terminated by (signal|exception)|exited with exit code' "$log" |
	grep -vE 'logical replication launcher.*exit code 1$' || true)
if [ "$reports" -eq 0 ] && [ -z "$died" ]; then
	ok "no report"
else
	ours=$(awk -v re="$start_re" '
		$0 ~ re { n++; mine[n] = 0 }
		n && /^ *#[0-9]+ / && /indicator\.so|src\/[a-z_]+\.c/ { mine[n] = 1 }
		END { for (i = 1; i <= n; i++) c += mine[i]; print c + 0 }' "$log")
	not_ok "$reports sanitizer report(s), $ours of them in the extension${died:+; server processes died}"
	# each report: its first line, its first stack frames and its summary,
	# marked by whether the extension's code is on the stack
	awk -v re="$start_re" '
		function flush() {
			if (text != "")
				printf "# report %d (%s):\n%s", n, mine ? "in the extension" : "inside PostgreSQL or a library only", text
			text = ""
		}
		$0 ~ re { flush(); n++; mine = 0; frames = 0; text = "#   " $0 "\n"; next }
		n && /^ *#[0-9]+ / {
			if ($0 ~ /indicator\.so|src\/[a-z_]+\.c/)
				mine = 1
			if (frames++ < 12)
				text = text "#   " $0 "\n"
			next
		}
		n && /^SUMMARY: / { text = text "#   " $0 "\n" }
		END { flush() }' "$log"
	# which process died, and the statement it was running
	grep -A1 -E 'terminated by (signal|exception)|exited with exit code' "$log" |
		grep -vE 'logical replication launcher|^--$' | head -10 | sed 's/^/# server log: /'
fi
exit $failed

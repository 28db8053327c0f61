#!/usr/bin/env bash
# The release's version in every place that states it, and the PGXN
# distribution: prints TAP lines.
#
#   bash test/release.sh
#
# indicator.control's default_version is the version.  META.json (PGXN's
# meta spec 1.0.0, checked here field by field), debian/changelog, the
# upgrade scripts, the Makefile's DATA and NEWS.md must agree with it.
# Then `make dist` makes the PGXN zip from the committed tree, and
# pgxnclient builds and installs it into the host's PostgreSQL as
# `pgxn install` would from PGXN (the test command installs from source
# again afterwards).
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=test/lib.sh
. "$top/test/lib.sh"
cd "$top"
py=/usr/bin/python3

version=$(sed -nE "s/^default_version = '([^']*)'/\1/p" indicator.control)
semver=$(echo "$version" | sed -E 's/^([0-9]+\.[0-9]+)$/\1.0/')

# PGXN meta spec 1.0.0 (https://pgxn.org/spec/): the required keys and the
# form of every key this file uses
problems=$("$py" - <<'PY'
import json, os, re
semver = re.compile(r'^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+)?$')
licenses = {'agpl_3', 'apache_1_1', 'apache_2_0', 'artistic_1', 'artistic_2', 'bsd', 'freebsd',
            'gfdl_1_2', 'gfdl_1_3', 'gpl_1', 'gpl_2', 'gpl_3', 'lgpl_2_1', 'lgpl_3_0', 'mit',
            'mozilla_1_0', 'mozilla_1_1', 'openssl', 'perl_5', 'postgresql', 'qpl_1_0', 'ssleay',
            'sun', 'zlib', 'open_source', 'restricted', 'unrestricted', 'unknown'}
out = []
try:
    m = json.load(open('META.json', encoding='utf-8'))
except ValueError as e:
    print('META.json is not JSON: %s' % e)
    raise SystemExit
for key in ('name', 'abstract', 'maintainer', 'version', 'license', 'provides', 'meta-spec'):
    if key not in m:
        out.append('missing required key %s' % key)
if not re.match(r'^[^/\\:\s]{2,}$', m.get('name', '')):
    out.append('name %r is not a PGXN name' % m.get('name'))
if not semver.match(str(m.get('version', ''))):
    out.append('version %r is not semantic' % m.get('version'))
mt = m.get('maintainer')
if not (isinstance(mt, str) or (isinstance(mt, list) and mt and all(isinstance(x, str) for x in mt))):
    out.append('maintainer is neither a string nor a list of strings')
lic = m.get('license')
if isinstance(lic, str):
    if lic not in licenses:
        out.append('license %r is not one of the spec\'s names' % lic)
elif not isinstance(lic, (list, dict)):
    out.append('license is neither a name, a list nor an object')
spec = m.get('meta-spec', {})
if spec.get('version') != '1.0.0':
    out.append('meta-spec version is not 1.0.0')
for ext, p in m.get('provides', {}).items():
    for key in ('file', 'version'):
        if key not in p:
            out.append('provides.%s has no %s' % (ext, key))
    for key in ('file', 'docfile'):
        if key in p and not os.path.exists(p[key]):
            out.append('provides.%s.%s %s does not exist' % (ext, key, p[key]))
    if not semver.match(str(p.get('version', ''))):
        out.append('provides.%s.version is not semantic' % ext)
for phase, rels in m.get('prereqs', {}).items():
    if phase not in ('configure', 'build', 'test', 'runtime', 'develop'):
        out.append('prereqs phase %r is not in the spec' % phase)
    for rel, reqs in rels.items():
        if rel not in ('requires', 'recommends', 'suggests', 'conflicts'):
            out.append('prereqs relation %r is not in the spec' % rel)
        for name, v in reqs.items():
            if v != 0 and not semver.match(re.sub(r'^(==|!=|>=|<=|>|<)\s*', '', str(v))):
                out.append('prereq %s version %r is not semantic' % (name, v))
if m.get('release_status', 'stable') not in ('stable', 'testing', 'unstable'):
    out.append('release_status is not stable, testing or unstable')
if not all(isinstance(t, str) and 0 < len(t) <= 255 for t in m.get('tags', [])):
    out.append('a tag is not a string of 1 to 255 characters')
for key in m:
    if key not in ('name', 'abstract', 'description', 'version', 'maintainer', 'license',
                   'provides', 'prereqs', 'resources', 'no_index', 'generated_by',
                   'release_status', 'tags', 'meta-spec') and not key.startswith('x_'):
        out.append('key %r is not in the spec (custom keys start with x_)' % key)
print('; '.join(out))
PY
)
check "META.json follows the PGXN meta spec 1.0.0" "$problems" ""
meta() { "$py" -c "import json,sys; m=json.load(open('META.json')); print(eval(sys.argv[1]))" "$1"; }
check "META.json's version is indicator.control's ($version as $semver)" "$(meta "m['version']")" "$semver"
check "META.json provides indicator at the same version" "$(meta "m['provides']['indicator']['version']")" "$semver"
check "META.json's PostgreSQL prerequisite is the oldest supported major" \
	"$(meta "m['prereqs']['runtime']['requires']['PostgreSQL']")" \
	"$(sed -nE 's/^#if PG_VERSION_NUM < ([0-9]+)0000$/\1.0.0/p' src/compat.h)"
check "debian/changelog's newest entry is version $version" \
	"$(sed -nE '1s/^[^ ]+ \(([^-)]+)-[^)]*\).*/\1/p' debian/changelog)" "$version"
check "debian/pgversions starts at the oldest supported major" \
	"$(cat debian/pgversions)" "$(sed -nE 's/^#if PG_VERSION_NUM < ([0-9]+)0000$/\1+/p' src/compat.h)"

# the scripts: an install script for 1.0 and a chain of updates to $version
scripts=$(cd sql && ls indicator--*.sql | sort -V | paste -sd' ')
chain=1.0
while next=$(ls sql/indicator--"$chain"--*.sql 2>/dev/null | sed -E 's/.*--([^-]+)\.sql$/\1/' | sort -V | tail -1) && [ -n "$next" ]; do
	chain=$next
done
check "the update scripts lead from 1.0 to $version" "$chain" "$version"
check "the Makefile installs every script in sql/" \
	"$(sed -nE 's/^DATA = //p' Makefile | tr ' ' '\n' | sed 's|^sql/||' | sort -V | paste -sd' ')" "$scripts"
check "NEWS.md has a section for $version" "$(grep -c "^## $version\b" NEWS.md)" 1

# the PGXN zip, made by make dist in a clone: from the committed tree, as
# PGXN would get it
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	work=$(mktemp -d /tmp/indicator-release.XXXXXX)
	trap 'rm -rf "$work"' EXIT
	git clone -q "$top" "$work/clone"
	make -C "$work/clone" -s dist PG_CONFIG="$PGBIN/pg_config" >/dev/null 2>&1
	zip=$work/clone/indicator-$semver.zip
	check "make dist makes indicator-$semver.zip from the committed tree" "$(ls "$work/clone" | grep -c "^indicator-$semver\.zip$")" 1
	listing=$("$py" -c "import zipfile,sys; print('\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))" "$zip" 2>&1)
	check "the zip holds META.json, the control file and the Makefile under indicator-$semver/" \
		"$(printf '%s\n' "$listing" | grep -cE "^indicator-$semver/(META\.json|indicator\.control|Makefile)$")" 3
	if command -v pgxn >/dev/null && [ "$(id -u)" = 0 ]; then
		# what pgxn installs must be there afterwards, not left from before
		rm -f "$("$PGBIN/pg_config" --sharedir)/extension/indicator.control"
		pgxn_out=$(pgxn install --yes --make make --pg_config "$PGBIN/pg_config" "$zip" 2>&1)
		pgxn_rc=$?
		[ "$pgxn_rc" = 0 ] || printf '%s\n' "$pgxn_out" | tail -20 | sed 's/^/# /'
		check "pgxn install builds and installs the zip" "$pgxn_rc" 0
		check "the installed control file is version $version" \
			"$(sed -nE "s/^default_version = '([^']*)'/\1/p" "$("$PGBIN/pg_config" --sharedir)/extension/indicator.control")" "$version"
	else
		echo "ok $((n += 1)) - pgxn install # skip needs pgxnclient and root"
		echo "ok $((n += 1)) - the installed control file # skip needs pgxnclient and root"
	fi
else
	for what in "make dist" "the zip's contents" "pgxn install" "the installed control file"; do
		echo "ok $((n += 1)) - $what # skip not a git checkout"
	done
fi
echo "1..$n"

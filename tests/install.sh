#!/bin/sh
# make install: the binary names neither the source nor the build tree and
# searches only its installed data directory; the catalogs, man pages,
# documents, completion and editor files are installed; and configuring
# another --prefix rebuilds what depends on the data directory.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

builddir=$(cd "$(dirname "$ISMC")" && pwd -P)
srcdir=$(pwd -P)
command -v strings >/dev/null 2>&1 || skip_all "no strings(1)"

dest="$tmp/dest"
if make -s -C "$builddir" install DESTDIR="$dest" >"$tmp/install.log" 2>&1
then pass "make install DESTDIR"; else fail "make install"; note "$tmp/install.log"; fi
bin=$(find "$dest" -type f -name ismc -perm -u+x | head -n 1)
[ -n "$bin" ] && pass || fail "no ismc installed"

# Neither tree is named in the binary (not even by its debug information).
datadir=$(env -u ISMC_PATH -u ISMC_DATADIR "$bin" check --print-search-path)
# A sanitizer build is a test build, never installed: ASan keeps each
# file's name as the compiler was given it, for its reports, and GCC does
# not apply -ffile-prefix-map to those names.
case ${ISMC_SANITIZERS:-0}:$datadir in
*:"$srcdir"/*|*:"$builddir"/*)
	echo "# prefix inside the tree; strings not checked" ;;
1:*)	echo "# sanitizer build: ASan names the sources; strings not checked" ;;
*)
	if strings "$bin" | grep -F -e "$srcdir" -e "$builddir" >"$tmp/strings"
	then fail "the binary names the tree: $(head -n 3 "$tmp/strings" | tr "\n" " ")"
	else pass "the binary names neither tree"; fi
	;;
esac
# It searches its data directory only (with no -I, ISMC_PATH or
# ISMC_DATADIR).
[ "$(printf '%s\n' "$datadir" | wc -l)" -eq 1 ] && pass ||
    fail "search path: $datadir"
case $datadir in
*/share/ismc/frameworks) pass ;;
*) fail "data directory: $datadir" ;;
esac
[ -f "$dest$datadir/iso27001-2022.yaml" ] &&
    [ -f "$dest$datadir/mappings/iso27001-2022--dora.yaml" ] && pass ||
    fail "catalogs not installed in $dest$datadir"
ISMC_PATH="$dest$datadir" "$bin" check examples/safetrust/safetrust.isms \
    >/dev/null 2>&1 && pass || fail "installed ismc cannot check the example"
for f in man1/ismc.1 man5/ismc-spec.5 doc/ismc/README.md \
    doc/ismc/language.md bash-completion/completions/ismc \
    zsh/site-functions/_ismc vim/vimfiles/syntax/isms.vim \
    vim/vimfiles/ftdetect/isms.vim vim/vimfiles/ftplugin/isms.vim \
    ismc/schemas/gap.schema.json ismc/schemas/diagnostics.schema.json \
    doc/ismc/outputs.md; do
	[ -n "$(find "$dest" -path "*/$f")" ] && pass "installed: $f" ||
	    fail "not installed: $f"
done

# Another --prefix, configured over an existing build: make install must
# rebuild the binary for the new data directory. The copy of the build
# tree sits beside it, so that a relative source directory still holds.
copy=$(mktemp -d "$builddir/../.ismc-install-test.XXXXXX")
trap 'rm -rf "$tmp" "$copy"' EXIT INT TERM
cp -a "$builddir/." "$copy/"
rel=$(sed -n 's/^srcdir = //p' "$builddir/Makefile")
args=$(cd "$builddir" && ./config.status --config)
if (cd "$copy" && eval "\"$rel/configure\" $args --prefix=\"$tmp/p2\"" &&
    make -s install) >"$tmp/reconf.log" 2>&1
then pass "configure another --prefix, make install"
else fail "configure --prefix and make install"; tail "$tmp/reconf.log" | note; fi
got=$(env -u ISMC_PATH -u ISMC_DATADIR "$tmp/p2/bin/ismc" check --print-search-path 2>&1)
[ "$got" = "$tmp/p2/share/ismc/frameworks" ] && pass "new prefix, new data directory" ||
    fail "after another --prefix the binary searches $got"
finish

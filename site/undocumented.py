#!/usr/bin/env python3
"""Every public symbol the SDK's sources declare has a doc comment.

Reads the symbol graphs that site/docc extracted (into .build/docc-symbols/<module>/; run it first) and lists
each public declaration of GenAuthCore, GenAuthAuthentication, GenAuthManagement and GenAuthAsyncHTTPClient —
hand-written or generated — without one. What the compiler synthesises (`==`, `hash(into:)`) and what a protocol
provides have no place in the sources and are not counted.
"""
import glob, json, os, sys, urllib.parse

MODULES = ["GenAuthCore", "GenAuthAuthentication", "GenAuthManagement", "GenAuthAsyncHTTPClient"]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# This checkout's sources only: graphs extracted in a checkout of another name (an older package identity) name
# files elsewhere.
sources = "file://" + os.path.realpath(os.path.join(root, "Sources")) + "/"
graphs = glob.glob(os.path.join(root, ".build", "docc-symbols", "*", "*.symbols.json"))
missing, counted, seen = [], 0, set()
for module in MODULES:
    files = [g for g in graphs if os.path.basename(os.path.dirname(g)) == module]
    if not files:
        sys.exit(f"site/undocumented.py: no symbol graph for {module}; run site/docc")
    for path in files:
        for symbol in json.load(open(path))["symbols"]:
            uri = urllib.parse.unquote(symbol.get("location", {}).get("uri", ""))
            if not uri.startswith(sources) or symbol.get("accessLevel") not in ("public", "open"):
                continue
            key = symbol["identifier"]["precise"]
            if key in seen:
                continue
            seen.add(key)
            counted += 1
            if not symbol.get("docComment"):
                line = symbol["location"]["position"]["line"] + 1
                missing.append(f"Sources/{uri.split('/Sources/', 1)[1]}:{line}: {'.'.join(symbol['pathComponents'])}")
for entry in sorted(missing):
    print(f"{entry}: error: public symbol without a doc comment")
if missing:
    sys.exit(f"site/undocumented.py: {len(missing)} of {counted} public symbols undocumented")
print(f"site/undocumented.py: all {counted} public symbols documented")

#!/usr/bin/env python3
"""An independent conlleval (standard library only): reads `word<TAB>gold<TAB>predicted` lines
(blank line between sentences), as `khabar ner tag --conll` prints them, and reports precision,
recall and F1 per type and micro over exact chunks, with conlleval's chunk rules (an I- tag that
does not continue a chunk of its type starts a new one).

usage: khabar ner tag --conll test.conll | python3 tools/conlleval.py [--json]
"""
import json, sys


def chunks(tags):
    out, cur = set(), None
    for i, t in enumerate(tags + ["O"]):
        bio, typ = ("O", None) if t == "O" else (t[0], t[2:])
        if cur and not (bio == "I" and typ == cur[0]):
            out.add((cur[0], cur[1], i))
            cur = None
        if bio == "B" or (bio == "I" and cur is None):
            cur = (typ, i)
    return out


def main():
    gold, pred, sent_g, sent_p, off = set(), set(), [], [], 0
    lines = sys.stdin.read().split("\n")
    for line in lines + [""]:
        if not line.strip():
            gold |= {(t, s + off, e + off) for t, s, e in chunks(sent_g)}
            pred |= {(t, s + off, e + off) for t, s, e in chunks(sent_p)}
            off += len(sent_g) + 1
            sent_g, sent_p = [], []
            continue
        parts = line.split("\t")
        sent_g.append(parts[1])
        sent_p.append(parts[2])
    types = sorted({c[0] for c in gold | pred})
    res = {}
    for t in types + [None]:
        g = {c for c in gold if t is None or c[0] == t}
        p = {c for c in pred if t is None or c[0] == t}
        ok = len(g & p)
        pr = ok / len(p) if p else 0.0
        rc = ok / len(g) if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        res[t or "micro"] = {"p": pr, "r": rc, "f1": f, "gold": len(g), "pred": len(p)}
    if "--json" in sys.argv:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:8} P {v['p']*100:6.2f}  R {v['r']*100:6.2f}  F1 {v['f1']*100:6.2f}  gold {v['gold']:5d}  pred {v['pred']:5d}")


if __name__ == "__main__":
    main()

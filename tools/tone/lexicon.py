#!/usr/bin/env python3
"""The tone lexicon's tools (crates/extract/data/tone.tsv), in Python so they run without a build.

    python3 tools/tone/lexicon.py propose ../shared/corpus/ant-news.jsonl.gz [N]
        widens the lexicon by distributional similarity: positive pointwise mutual information
        (PPMI) vectors of the corpus's words over a +-3-word window; each word's score is its
        cosine with the centroid of the listed positive words minus that with the negative ones;
        prints the N (default 150) most positive and most negative words not yet listed, with their
        frequency, for checking by hand (the words kept are added to tone.tsv under a
        `# widened…` heading).
    python3 tools/tone/lexicon.py forms ../shared/corpus/ant-news.jsonl.gz
        every listed stem with the corpus words it matches (most frequent first), to catch a stem
        that matches words it should not (سلم → سلمان).
    python3 tools/tone/lexicon.py unlisted ../shared/corpus/ant-news.jsonl.gz [N]
        the N (default 4000) most frequent corpus words (article and clitics off) that no line
        matches, with their frequency and one short corpus context each: the list read by hand
        word by word, its toned words added under a `# read from the frequency list` heading.
    python3 tools/tone/lexicon.py weak ../shared/corpus/ant-news.jsonl.gz > crates/extract/data/tone_weak.tsv
        the weak tier: every corpus word of 10+ occurrences with its distributional polarity (the
        score `propose` ranks by, less the median word's); place names and nationality adjectives
        left out. Made again whenever tone.tsv changes.
    python3 tools/tone/lexicon.py score [-v] [--no-weak]
        agreement of the tone's sign with the hand labels of data/tone/ (dev, train and held-out
        parts apart, as the Rust test reads them); neutral sentences whose tone is within +-1.
        -v prints the dev and train misses; --no-weak leaves the weak tier out.

The matching mirrors crates/extract/src/tone.rs: a word is normalized (crates/text), its
conjunction and preposition and then its article are taken off, and it matches a listed word as
written or a listed stem of 3+ letters followed by one of the endings.
"""
import gzip
import json
import math
import re
import statistics
import sys
from collections import Counter, defaultdict

ROOT = __file__.rsplit("/tools/", 1)[0]
TONE = ROOT + "/crates/extract/data/tone.tsv"
WEAK = ROOT + "/crates/extract/data/tone_weak.tsv"
# crates/extract/src/lexicon.rs ENDINGS
ENDINGS = {"", "ا", "ت", "و", "وا", "ون", "ين", "ه", "ها", "هم", "هن", "ي", "ات", "ان", "تان", "تين", "يه", "يين",
           "يون", "ته", "تهم", "تها", "وه", "وهم", "اء", "ى"}
DIAC = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]")
WORD = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+")


def normalize(w):
    w = DIAC.sub("", w)
    return w.translate(str.maketrans("أإآٱىیة", "ااااييه"))


def words(text):
    return [normalize(w) for w in WORD.findall(text)]


def splits(w):
    """crates/text proclitic_splits: the word, without و/ف, without a preposition after it."""
    out = [w]
    n = len(w)
    conj = w[:1] in ("و", "ف")
    for s in range(2 if conj else 1):
        if s == 1 and n >= 3:
            out.append(w[1:])
        if s < n and w[s] in "بلك" and n >= s + 3:
            if w[s] == "ل" and w[s + 1:s + 2] == "ل" and n >= s + 4:
                out.append("ا" + w[s + 1:])
            else:
                out.append(w[s + 1:])
    return out


def candidates(w):
    """The listed forms a word may match, in the order the look-up tries them, and whether the
    form is the whole word (a `word` line matches only then)."""
    for r in splits(w):
        bare = r[2:] if r.startswith("ال") and len(r) >= 5 else r
        for form in dict.fromkeys((r, bare)):
            yield form, True
            for e in range(len(form) - 1, 2, -1):
                if form[e:] in ENDINGS:
                    yield form[:e], False


def load():
    lex = {}
    for line in open(TONE, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        weight = float(cols[2]) if len(cols) > 2 and cols[2] else 1.0
        lex.setdefault(cols[0], []).append((cols[1], weight, len(cols) > 3 and cols[3] == "word"))
    return lex


def lookup(lex, w, classes=("positive", "negative", "negator")):
    """The first listed form of a word with a line of one of `classes`: (form, class, weight)."""
    for c, whole in candidates(w):
        for cls, weight, word_only in lex.get(c, ()):
            if cls in classes and (whole or not word_only):
                return c, cls, weight
    return None


def load_weak():
    """The weak tier (tone_weak.tsv): {bare word: signed weight}."""
    out = {}
    for line in open(WEAK, encoding="utf-8"):
        if not line.startswith("#"):
            w, x = line.rstrip("\n").split("\t")
            out[w] = float(x)
    return out


def tone_of(lex, ws, weak_tier=None):
    """crates/extract/src/tone.rs: positive and negative sums, a negator reversing the tone words
    within the next two words, a reducer turning a negative word within the next three into a
    positive one and withdrawing its own negative weight; with `weak_tier`, the weak weight of
    each word no positive or negative line tones added to the positive or the negative sum."""
    pos = neg = 0.0
    negate_until = -1
    reduce_until, reducer_weight = -1, 0.0
    for i, w in enumerate(ws):
        lines = all_lines(lex, w)
        # the weak tier weighs only the words no positive or negative line tones
        x = weak_tier.get(bare(w), 0.0) if weak_tier else 0.0
        if x and not any(cls in ("positive", "negative") for cls, _ in lines):
            if x > 0:
                pos += x
            else:
                neg -= x
        if not lines:
            continue
        reversed_ = i <= negate_until
        negative = [weight for cls, weight in lines if cls == "negative"]
        reduced = not reversed_ and i <= reduce_until and bool(negative)
        if reduced:
            neg -= reducer_weight
            reducer_weight, reduce_until = 0.0, -1
        for cls, weight in lines:
            if cls == "negator":
                negate_until = i + 2
            elif cls == "reducer" and not reversed_:
                reduce_until = i + 3
                reducer_weight = sum(negative)
            elif cls in ("positive", "negative"):
                flip = reversed_ or (reduced and cls == "negative")
                if (cls == "positive") != flip:
                    pos += weight
                else:
                    neg += weight
    return pos, neg


def all_lines(lex, w):
    """Every line of the first listed form of a word that has a line it may match (tone.rs
    lookup): [(class, weight)]."""
    for c, whole in candidates(w):
        lines = [(cls, weight) for cls, weight, word_only in lex.get(c, ()) if whole or not word_only]
        if lines:
            return lines
    # a word in the accusative (اقتتالا، قياسيا) is the listed whole word it ends
    if w.endswith("ا") and len(w) >= 4:
        for c, whole in candidates(w[:-1]):
            if any(whole or not word_only for _, _, word_only in lex.get(c, ())):
                return [(cls, weight) for cls, weight, _ in lex[c]]
    return []


def corpus(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def bare(w):
    """A word without its article and its conjunction or preposition before one (والقتلى → قتلي),
    so that the vectors gather a word's spellings; a word without an article is kept whole (a
    leading و or ف may be a letter of the word: فشل, وفاة)."""
    for p in ("وال", "فال", "بال", "كال", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    if w.startswith("لل") and len(w) >= 5:
        return w[2:]
    return w


def vectors(path, min_count=10, size=40000):
    """PPMI vectors of the corpus's words (article and clitics off, `bare`) over a +-3-word
    window, contexts the 5,000 most frequent words: (frequencies, {word: {context: value}}),
    each vector of unit length."""
    freq = Counter()
    docs = []
    for a in corpus(path):
        ws = [bare(w) for w in words(a["text"])]
        freq.update(ws)
        docs.append(ws)
    vocab = [w for w, c in freq.most_common(size) if c >= min_count and len(w) >= 2]
    idx = {w: i for i, w in enumerate(vocab)}
    ctx = [w for w, _ in freq.most_common(5000)]
    cidx = {w: i for i, w in enumerate(ctx)}
    co = defaultdict(Counter)
    for ws in docs:
        ids = [idx.get(w, -1) for w in ws]
        cids = [cidx.get(w, -1) for w in ws]
        for i, t in enumerate(ids):
            if t < 0:
                continue
            row = co[t]
            for j in range(max(0, i - 3), min(len(ws), i + 4)):
                if j != i and cids[j] >= 0:
                    row[cids[j]] += 1
    total = sum(sum(r.values()) for r in co.values())
    csum = Counter()
    for r in co.values():
        csum.update(r)
    vecs = {}
    for t, r in co.items():
        rs = sum(r.values())
        v = {}
        for c, k in r.items():
            p = math.log(k * total / (rs * csum[c] ** 0.75 * total ** 0.25))
            if p > 0:
                v[c] = p
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs[vocab[t]] = {c: x / norm for c, x in v.items()}
    return freq, vecs


def polarity(lex, vecs):
    """Each word's cosine with the centroid of the listed positive words' vectors minus its
    cosine with the negative ones'."""
    def centroid(cls):
        cen = Counter()
        for w, v in vecs.items():
            hit = lookup(lex, w)
            if hit and hit[1] == cls:
                for c, x in v.items():
                    cen[c] += x
        norm = math.sqrt(sum(x * x for x in cen.values())) or 1.0
        return {c: x / norm for c, x in cen.items()}

    pc, nc = centroid("positive"), centroid("negative")
    return {w: sum(x * pc.get(c, 0) for c, x in v.items()) - sum(x * nc.get(c, 0) for c, x in v.items())
            for w, v in vecs.items()}


def propose(path, n):
    lex = load()
    freq, vecs = vectors(path, min_count=10, size=40000)
    pol = polarity(lex, {w: v for w, v in vecs.items() if len(w) >= 3})
    scored = sorted((s, w) for w, s in pol.items() if not lookup(lex, w, ("positive", "negative")))
    print("# most positive")
    for s, w in scored[::-1][:n]:
        print(f"{w}\t{s:.3f}\t{freq[w]}")
    print("# most negative")
    for s, w in scored[:n]:
        print(f"{w}\t{s:.3f}\t{freq[w]}")


def named(w, places, nationalities):
    """Whether a bare word is a one-word place name or a nationality adjective (with its
    feminine, dual or plural ending): the weak tier gives them no tone, so that no people or
    country colours a sentence by the news it usually comes with."""
    if w in places:
        return True
    for e in ("", "ه", "ي", "يه", "يون", "يين", "يا", "ين", "ون", "ان", "يان", "يتين", "يتان", "ات"):
        stem = w[:len(w) - len(e)]
        if w.endswith(e) and (stem in nationalities or stem + "ي" in nationalities):
            return True
    return False


def weak(path):
    """crates/extract/data/tone_weak.tsv: the weak tier, every corpus word of 10+ occurrences
    with its distributional polarity (`polarity`) less the median word's, to three decimals."""
    lex = load()
    freq, vecs = vectors(path, min_count=10, size=60000)
    pol = polarity(lex, vecs)
    med = statistics.median(pol.values())
    places = {l.split("\t")[0] for l in open(ROOT + "/crates/ner/data/places.tsv", encoding="utf-8")
              if not l.startswith("#") and " " not in l.split("\t")[0]}
    nationalities = {l.split("\t")[0] for l in open(ROOT + "/crates/extract/data/nationalities.tsv", encoding="utf-8")
                     if not l.startswith("#")}
    print("# The tone lexicon's weak tier (crates/extract/src/tone.rs): every word of the ANT Corpus v2.1 (Chouigui, Ben Khiroun,")
    print("# Elayeb, AICCSA 2017; Apache-2.0) seen 10 times or more (article and clitics off), with its distributional polarity:")
    print("# the cosine of its PPMI vector (+-3 words) with the centroid of tone.tsv's positive words minus that with the negative")
    print("# ones, less the median word's. Not read by hand: the weight is small (a few hundredths), so it decides a sentence only")
    print("# when the listed words find no tone or balance out. Place names and nationality adjectives are left out. Made by")
    print("# python3 tools/tone/lexicon.py weak ../shared/corpus/ant-news.jsonl.gz > crates/extract/data/tone_weak.tsv (again")
    print("# whenever tone.tsv changes). Written for Khabar (Apache-2.0).")
    for w in sorted(pol):
        x = round(pol[w] - med, 3)
        # (words in the letters normalization keeps only: no Persian or Urdu letters)
        if x and re.fullmatch("[\u0621-\u064a]+", w) and not named(w, places, nationalities):
            print(f"{w}\t{x}")


def forms(path):
    lex = load()
    seen = defaultdict(Counter)
    for a in corpus(path):
        for w in words(a["text"]):
            hit = lookup(lex, w, ("positive", "negative", "negator", "active", "pronoun"))
            if hit:
                seen[hit[0]][w] += 1
    for stem in lex:
        top = ", ".join(f"{w} {c}" for w, c in seen[stem].most_common(12))
        print(f"{stem}\t{lex[stem][0][0]}\t{sum(seen[stem].values())}\t{top}")


def unlisted(path, n):
    lex = load()
    freq = Counter()
    example = {}
    for a in corpus(path):
        ws = words(a["text"])
        for i, w in enumerate(ws):
            b = bare(w)
            freq[b] += 1
            if b not in example:
                example[b] = " ".join(ws[max(0, i - 4):i + 5])
    shown = 0
    for w, c in freq.most_common():
        if shown >= n:
            break
        if len(w) < 3 or lookup(lex, w, ("positive", "negative", "negator")):
            continue
        print(f"{w}\t{c}\t{example[w]}")
        shown += 1


# The labelled samples (data/tone/) and what each is for, as crates/extract/tests/tone_agreement.rs
# reads them: sentences.tsv's odd rows are dev and its even rows held out.
SAMPLES = (("sentences.tsv", None), ("sentences-more.tsv", "held out"), ("sentences-dev2.tsv", "dev"),
           ("sentences-train.tsv", "train"))


def score(verbose=False, with_weak=True):
    lex = load()
    weak_tier = load_weak() if with_weak else None
    parts = {"dev": [0, 0], "held out": [0, 0], "train": [0, 0]}
    neutral = [0, 0]
    for name, part in SAMPLES:
        rows = [l.rstrip("\n").split("\t") for l in open(ROOT + "/data/tone/" + name, encoding="utf-8")
                if not l.startswith("#")]
        for k, (aid, sent, label, text) in enumerate(rows, 1):
            which = part or ("dev" if k % 2 else "held out")
            ws = words(text)
            pos, neg = tone_of(lex, ws, weak_tier)
            got = "positive" if pos > neg else "negative" if neg > pos else "neutral"
            if label in ("positive", "negative"):
                parts[which][1] += 1
                parts[which][0] += got == label
                if which != "held out" and got != label and verbose:
                    print(f"{name}:{k}\t{label}\t{got}\t{pos:.2f}\t{neg:.2f}\t{text}")
            else:
                neutral[1] += 1
                neutral[0] += abs(100 * (pos - neg) / (len(ws) or 1)) <= 1.0
    for p, (ok, n) in parts.items():
        print(f"{p}: {ok}/{n} = {100 * ok / n:.1f}%")
    ok = sum(v[0] for v in parts.values())
    n = sum(v[1] for v in parts.values())
    print(f"all: {ok}/{n} = {100 * ok / n:.1f}%")
    print(f"neutral within +-1: {neutral[0]}/{neutral[1]}")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "propose":
        propose(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 150)
    elif cmd == "forms":
        forms(sys.argv[2])
    elif cmd == "unlisted":
        unlisted(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 4000)
    elif cmd == "weak":
        weak(sys.argv[2])
    elif cmd == "score":
        score(verbose="-v" in sys.argv, with_weak="--no-weak" not in sys.argv)

"""Samples corpus sentences with figures for count labelling (by reading). Excludes every gold article."""
# Writes tools/counts/out/batchN.jsonl (items) and batchN.md (what the annotators read); labels come back as labelsN.tsv.
# `count_sample.py` made batches 0 and 1; `count_sample.py 2` made batches 2 and 3 (another seed, only sentences near a
# category word, none already drawn).
import gzip, json, re, random, glob, sys
SH = '../shared'
def norm(s):
    s = re.sub('[\u064b-\u0652\u0640]', '', s)
    return s.translate(str.maketrans('أإآٱىة', 'اااايه'))
excl = set()
for p in [SH + '/gold/dev', SH + '/gold/dev-counts', 'data/gold/train', 'data/gold/heldout', SH + '/gold']:
    for f in glob.glob(p + '/*.json'):
        excl.add(json.load(open(f))['id'])
words = {}
for line in open('crates/text/data/number_words.tsv'):
    if line.startswith('#') or not line.strip(): continue
    w = line.split('\t')[0]; words[w] = 1
lex = set()
for line in open('crates/extract/data/counts.tsv'):
    if line.startswith('#') or not line.strip(): continue
    w, role = line.split('\t')[:2]
    if role in ('event', 'state', 'after', 'neutral'): lex.add(w)
extra = 'ضحي مصرع حتف جثث جثه سجن محتجز احتجاز رهائن رهينه مخطوف اختطاف مفقود فقدان نزوح نازح لاجئ تشريد مشرد مهجر تهجير معتقل موقوف توقيف متظاهر محتج تظاهر مصاب جريح جرحي اسعاف مستشفي استشهاد شهيد اعدام اسر اسير قتيل قتلي هلاك غرق وفاه توفي'.split()
num_re = re.compile(r'[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*')
tok_re = re.compile(r'[\u0600-\u06ff]+|[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*|\S')
def figures(sent):
    out = []
    for m in tok_re.finditer(sent):
        t = m.group(0); n = norm(t)
        if num_re.fullmatch(t):
            out.append((m.start(), m.end()))
            continue
        for pre in ('', 'و', 'ب', 'ل', 'وب', 'ول'):
            if n.startswith(pre) and n[len(pre):] in words and len(n) - len(pre) >= 3:
                out.append((m.start(), m.end())); break
    # adjacent figure tokens are one figure (ثلاثة آلاف، 1.5 مليون)
    merged = []
    for s, e in out:
        if merged and re.fullmatch(r'\s*(و)?\s*', sent[merged[-1][1]:s]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
def has_kw(sent):
    for t in tok_re.findall(sent):
        n = norm(t)
        for pre in ('', 'و', 'ب', 'ل', 'ف', 'وب', 'ال', 'وال', 'بال', 'لل'):
            if n.startswith(pre):
                r = n[len(pre):]
                if r in lex or any(r.startswith(x) for x in extra): return True
    return False
second = len(sys.argv) > 1 and sys.argv[1] == '2'
rng = random.Random(7331 if second else 20261202)
kw, other = [], []
with gzip.open(SH + '/corpus/ant-news.jsonl.gz', 'rt') as f:
    for line in f:
        a = json.loads(line)
        if a['id'] in excl: continue
        text = a.get('text') or ''
        for m in re.finditer(r'[^.!?؟\n]+[.!?؟]?', text):
            s = m.group(0).strip()
            if len(s) < 30 or len(s) > 400: continue
            st = text.index(s, m.start())
            figs = figures(s)
            if not figs: continue
            item = (a['id'], a.get('category'), st, s, figs)
            (kw if has_kw(s) else other).append(item)
print(len(kw), len(other), file=sys.stderr)
rng.shuffle(kw); rng.shuffle(other)
if second:
    seen = set(json.loads(l)['sentence'] for b in (0, 1) for l in open(f'tools/counts/out/batch{b}.jsonl'))
    pick = [x for x in kw if x[3] not in seen][:600]
else:
    pick = kw[:420] + other[:140]
rng.shuffle(pick)
items = []
for aid, cat, st, s, figs in pick:
    for fs, fe in figs[:4]:
        items.append({'article': aid, 'section': cat, 'sentence_start': st, 'sentence': s, 'start': fs, 'end': fe, 'figure': s[fs:fe]})
first = 2 if second else 0
for b in (first, first + 1):
    part = items[b - first::2]
    with open(f'tools/counts/out/batch{b}.jsonl', 'w') as f:
        for k, it in enumerate(part):
            f.write(json.dumps(dict(it, n=k), ensure_ascii=False) + '\n')
    with open(f'tools/counts/out/batch{b}.md', 'w') as f:
        for k, it in enumerate(part):
            s = it['sentence']
            f.write(f"{k}\t{s[:it['start']]}⟦{s[it['start']:it['end']]}⟧{s[it['end']:]}\n")
    print(b, len(part), file=sys.stderr)

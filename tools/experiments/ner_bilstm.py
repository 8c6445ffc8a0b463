#!/usr/bin/env python3
"""An experiment, not part of Khabar: how far a character-CNN + BiLSTM tagger trained here gets
on ANERcorp, next to Khabar's linear tagger (README, "Named entities"; run from the project root).

    pip install torch gensim
    python3 tools/experiments/ner_bilstm.py vectors TRAIN.conll     # fastText on ANT + TRAIN words
    python3 tools/experiments/ner_bilstm.py train TRAIN.conll EVAL.conll [EPOCHS]

Measured (2 cores): dev split = the last 12 % of train.conll (see README), best epoch 68.64,
last (15th) 67.19 micro F1; Khabar's tagger 70.96 on the same split. Train → test, 10 epochs:
last (10th, also the best) 66.52; Khabar's tagger 72.03.
"""
import sys
WORK = '/tmp/khabar-nn'
def vectors(train_conll):
    import gzip, json, re, os, time
    os.makedirs(WORK, exist_ok=True)
    t = time.time()
    tok = re.compile(r'\w+|[^\w\s]')
    with gzip.open('../shared/corpus/ant-news.jsonl.gz','rt') as f, open(WORK + '/ant.txt','w') as out:
        for line in f:
            d=json.loads(line)
            for part in (d.get('title') or '', d.get('text') or ''):
                for para in part.split('\n'):
                    ws=tok.findall(para)
                    if ws: out.write(' '.join(ws)+'\n')
    # ANERcorp train text too (words only)
    with open(WORK + '/ant.txt','a') as out:
        cur=[]
        for line in open(train_conll):
            line=line.rstrip('\n')
            if not line:
                if cur: out.write(' '.join(cur)+'\n'); cur=[]
                continue
            cur.append(line.split('\t')[0])
    from gensim.models import FastText
    m=FastText(vector_size=100, window=5, min_count=3, workers=2, sg=1, min_n=2, max_n=5, epochs=5, bucket=500000)
    m.build_vocab(corpus_file=WORK + "/ant.txt")
    m.train(corpus_file=WORK + '/ant.txt', total_examples=m.corpus_count, total_words=m.corpus_total_words, epochs=m.epochs)
    m.save(WORK + '/ft.model'); print('done', time.time()-t)

if sys.argv[1] == 'vectors':
    vectors(sys.argv[2])
    sys.exit()

import sys, random, time, numpy as np, torch, torch.nn as nn
torch.set_num_threads(2); torch.manual_seed(1); random.seed(1); np.random.seed(1)
def read(p):
    S=[];cur=[]
    for line in open(p):
        line=line.rstrip('\n')
        if not line:
            if cur: S.append(cur); cur=[]
            continue
        w,t=line.split('\t')[:2]; cur.append((w,t))
    if cur: S.append(cur)
    return S
train=read(sys.argv[2]); dev=read(sys.argv[3]); emb_path=WORK + '/ft.model'
EPOCHS=int(sys.argv[4]) if len(sys.argv)>4 else 15
tags=sorted({t for s in train for _,t in s}); tix={t:i for i,t in enumerate(tags)}
from collections import Counter
wc=Counter(w for s in train for w,_ in s)
vocab=['<pad>','<unk>']+[w for w,c in wc.items()]
kv=None
if emb_path:
    from gensim.models import FastText
    kv=FastText.load(emb_path).wv
    # add dev/test words known to the embeddings (their vectors come from unlabeled text + subwords)
    extra=set(w for s in dev for w,_ in s)-set(vocab)
    vocab+=sorted(extra)
wix={w:i for i,w in enumerate(vocab)}
chars=['<pad>','<unk>']+sorted({c for s in train for w,_ in s for c in w}); cix={c:i for i,c in enumerate(chars)}
D=kv.vector_size if kv else 100
E=np.random.normal(0,0.1,(len(vocab),D)).astype(np.float32)
if kv:
    for w,i in wix.items():
        if i>1: E[i]=kv[w]
class M(nn.Module):
    def __init__(s):
        super().__init__()
        s.emb=nn.Embedding.from_pretrained(torch.tensor(E),freeze=False,padding_idx=0)
        s.cemb=nn.Embedding(len(chars),30,padding_idx=0)
        s.cnn=nn.Conv1d(30,50,3,padding=1)
        s.lstm=nn.LSTM(D+50,100,batch_first=True,bidirectional=True)
        s.drop=nn.Dropout(0.5); s.out=nn.Linear(200,len(tags))
    def forward(s,W,C):
        B,T=W.shape; L=C.shape[2]
        c=s.cemb(C.view(B*T,L)).transpose(1,2); c=torch.relu(s.cnn(c)).max(2)[0].view(B,T,50)
        x=s.drop(torch.cat([s.emb(W),c],2)); h,_=s.lstm(x); return s.out(s.drop(h))
def batch(ss, training):
    T=max(len(s) for s in ss); L=min(20,max(len(w) for s in ss for w,_ in s))
    W=torch.zeros(len(ss),T,dtype=torch.long); C=torch.zeros(len(ss),T,L,dtype=torch.long); Y=torch.full((len(ss),T),-100,dtype=torch.long)
    for b,s in enumerate(ss):
        for i,(w,t) in enumerate(s):
            wi=wix.get(w,1)
            if training and wc.get(w,0)==1 and random.random()<0.3 and not kv: wi=1
            W[b,i]=wi; Y[b,i]=tix[t]
            for j,ch in enumerate(w[:L]): C[b,i,j]=cix.get(ch,1)
    return W,C,Y
def spans(tg):
    out=set();i=0
    while i<len(tg):
        if tg[i]!='O':
            t=tg[i][2:];j=i+1
            while j<len(tg) and tg[j]=='I-'+t: j+=1
            out.add((i,j,t));i=j
        else: i+=1
    return out
def evaluate(m,data):
    m.eval(); tp=fp=fn=0; per={}
    with torch.no_grad():
        for k in range(0,len(data),64):
            ss=data[k:k+64]; W,C,Y=batch(ss,False); P=m(W,C).argmax(2)
            for b,s in enumerate(ss):
                pt=[tags[P[b,i]] for i in range(len(s))]
                # repair BIO: I- after a different type becomes B-
                for i in range(len(pt)):
                    if pt[i].startswith('I-') and (i==0 or pt[i-1][2:]!=pt[i][2:]): pt[i]='B-'+pt[i][2:]
                g=spans([t for _,t in s]); p=spans(pt)
                tp+=len(g&p); fp+=len(p-g); fn+=len(g-p)
                for x in g|p:
                    d=per.setdefault(x[2],[0,0,0]); d[0]+=x in g and x in p; d[1]+=x in p and x not in g; d[2]+=x in g and x not in p
    pr=tp/max(1,tp+fp); rc=tp/max(1,tp+fn); f=2*pr*rc/max(1e-9,pr+rc)
    m.train(); return f, {k:round(2*v[0]/max(1,2*v[0]+v[1]+v[2])*100,1) for k,v in per.items()}
m=M(); opt=torch.optim.Adam(m.parameters(),lr=0.002); lossf=nn.CrossEntropyLoss(ignore_index=-100)
t0=time.time()
for ep in range(EPOCHS):
    random.shuffle(train)
    for k in range(0,len(train),16):
        W,C,Y=batch(train[k:k+16],True); opt.zero_grad(); out=m(W,C); loss=lossf(out.view(-1,len(tags)),Y.view(-1)); loss.backward()
        nn.utils.clip_grad_norm_(m.parameters(),5.0); opt.step()
    f,per=evaluate(m,dev); print(f'epoch {ep+1} dev micro F1 {f*100:.2f} {per} ({time.time()-t0:.0f}s)',flush=True)

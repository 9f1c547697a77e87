/* SPDX-License-Identifier: MIT */
/* order.c: a storage order that puts similar texts in one group (order.h). */
#include "order.h"

#include "par.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct word {
    uint64_t hash;
    uint32_t art, weight; /* weight: tf * idf (ORDER's fixed point) */
} word_t;

static int by_hash(const void *a, const void *b)
{
    const word_t *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->art < y->art ? -1 : x->art > y->art;
}

static int by_weight(const void *a, const void *b)
{
    const word_t *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* log2(x) in 1/256ths, x >= 1, in integers (the same on every machine). */
static uint32_t log2_q8(uint32_t x)
{
    uint32_t k = 31u - (uint32_t)__builtin_clz(x), r = k << 8;
    uint64_t y = ((uint64_t)x << 16) >> k; /* x / 2^k in 1/65536ths: [1, 2) */
    for (int bit = 7; bit >= 0; bit--) {
        y = (y * y) >> 16;
        if (y >= 2u << 16) {
            y >>= 1;
            r |= 1u << bit;
        }
    }
    return r;
}

/* A word: a run of ASCII letters and bytes of 0x80 and above (other
 * scripts' characters), through soft hyphens (0x15) and the mark before a
 * word the patterns leave alone (0x17); three bytes or more. */
static int letter(uint8_t c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The words of t[0..len), as hashes (never 0), appended to *w. Returns 0
 * or -1. */
static int words_of(const uint8_t *t, size_t len, uint64_t **w, size_t *nw, size_t *cap)
{
    for (size_t i = 0; i < len;) {
        if (!letter(t[i])) {
            i++;
            continue;
        }
        uint64_t h = 14695981039346656037u;
        size_t nl = 0;
        for (; i < len && (letter(t[i]) || t[i] == 0x15 || t[i] == 0x17); i++)
            if (t[i] != 0x15 && t[i] != 0x17) {
                h = (h ^ t[i]) * 1099511628211u;
                nl++;
            }
        if (nl < 3)
            continue;
        if (*nw == *cap) {
            size_t nc = *cap ? *cap * 2 : 65536;
            uint64_t *p = realloc(*w, nc * sizeof *p);
            if (!p)
                return -1;
            *w = p;
            *cap = nc;
        }
        (*w)[(*nw)++] = h ? h : 1;
    }
    return 0;
}

/* Words by hash (open addressing; hash 0 an empty slot): how many times,
 * and for the document frequency the last text counted (its index + 1). */
typedef struct slot {
    uint64_t hash;
    uint32_t count, last;
} slot_t;

typedef struct table {
    slot_t *s;
    size_t cap, used; /* cap a power of two */
} table_t;

/* The slot of h in t, made when new (t is grown to stay at most half
 * full); NULL when out of memory. */
static slot_t *tab_get(table_t *t, uint64_t h)
{
    if (2 * (t->used + 1) > t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 1024;
        slot_t *ns = calloc(nc, sizeof *ns);
        if (!ns)
            return NULL;
        for (size_t i = 0; i < t->cap; i++)
            if (t->s[i].hash) {
                size_t j = (size_t)(t->s[i].hash >> 17) & (nc - 1);
                while (ns[j].hash)
                    j = (j + 1) & (nc - 1);
                ns[j] = t->s[i];
            }
        free(t->s);
        t->s = ns;
        t->cap = nc;
    }
    size_t j = (size_t)(h >> 17) & (t->cap - 1);
    while (t->s[j].hash && t->s[j].hash != h)
        j = (j + 1) & (t->cap - 1);
    if (!t->s[j].hash) {
        t->s[j].hash = h;
        t->used++;
    }
    return &t->s[j];
}

/* The work shared by the threads: each text's distinct words with their
 * counts (dw[m][0..ndw[m]), malloc'd), then its heaviest ones. */
typedef struct words_job {
    const uint8_t *const *texts;
    const size_t *lens;
    slot_t *loc[PAR_MAX_THREADS]; /* a scratch table a thread, room[t] slots */
    size_t room[PAR_MAX_THREADS];
    slot_t **dw;
    size_t *ndw;
    const table_t *df; /* read only once filled */
    word_t *feat;
    uint32_t *nfeat;
    double *norm;
    uint8_t *err;
} words_job_t;

/* Text m's distinct words and their counts, through thread t's table. */
static void distinct_words(void *ctx, size_t m, size_t t)
{
    words_job_t *j = ctx;
    uint64_t *w = NULL;
    size_t nw = 0, cap = 0;
    j->err[m] = 1;
    if (words_of(j->texts[m], j->lens[m], &w, &nw, &cap))
        goto out;
    size_t nc = 64;
    while (nc < 2 * nw + 2) /* room for all its words: no growing inside */
        nc *= 2;
    if (nc > j->room[t]) {
        free(j->loc[t]);
        j->room[t] = 0;
        if (!(j->loc[t] = malloc(nc * sizeof *j->loc[t])))
            goto out;
        j->room[t] = nc;
    }
    table_t tab = {j->loc[t], nc, 0};
    memset(tab.s, 0, nc * sizeof *tab.s);
    for (size_t i = 0; i < nw; i++)
        tab_get(&tab, w[i])->count++;
    if (!(j->dw[m] = malloc((tab.used ? tab.used : 1) * sizeof *j->dw[m])))
        goto out;
    for (size_t i = 0; i < nc; i++)
        if (tab.s[i].hash)
            j->dw[m][j->ndw[m]++] = tab.s[i];
    j->err[m] = 0;
out:
    free(w);
}

/* Text m's ORDER_WORDS heaviest words (tf-idf: count times log2 of how
 * rare the word is among the texts, df's last; none that only this text
 * has), heaviest first, ties by hash, and the length of their weights. */
static void pick_words(void *ctx, size_t m, size_t t)
{
    (void)t;
    words_job_t *j = ctx;
    const table_t *df = j->df;
    word_t *f = j->feat + m * ORDER_WORDS;
    uint32_t nf = 0;
    for (size_t i = 0; i < j->ndw[m]; i++) {
        uint64_t h = j->dw[m][i].hash;
        size_t k = (size_t)(h >> 17) & (df->cap - 1);
        while (df->s[k].hash != h)
            k = (k + 1) & (df->cap - 1);
        if (!df->s[k].last)
            continue;
        word_t x = {h, (uint32_t)m, j->dw[m][i].count * df->s[k].last};
        uint32_t at = nf;
        while (at && by_weight(&x, &f[at - 1]) < 0)
            at--;
        if (at >= ORDER_WORDS)
            continue;
        uint32_t end = nf < ORDER_WORDS ? nf : ORDER_WORDS - 1;
        memmove(f + at + 1, f + at, (end - at) * sizeof *f);
        f[at] = x;
        if (nf < ORDER_WORDS)
            nf++;
    }
    j->nfeat[m] = nf;
    uint64_t s2 = 0;
    for (uint32_t q = 0; q < nf; q++)
        s2 += (uint64_t)f[q].weight * f[q].weight;
    j->norm[m] = s2 ? sqrt((double)s2) : 1.0;
}

/* Where each text's words are found: for word q of text m, the postings
 * [ps[m * ORDER_WORDS + q], pe[...]) of post, the texts that have it. */
typedef struct index {
    const word_t *feat; /* ORDER_WORDS a text, the first nfeat[m] used */
    const uint32_t *nfeat;
    const word_t *post;
    const size_t *ps, *pe;
    const double *norm;
} index_t;

/* Chains arts[0..k) (reading indexes, ascending; k <= ORDER_RUN) into
 * out[0..k): from the first, each next the unchained one whose words
 * share the most weight with a profile of the chain so far (the last
 * text's words, plus eight tenths of the profile before), scaled by its
 * own words' norm; none sharing any, the first unchained one in reading
 * order. local[] is zero on entry and on return. */
static void chain(const index_t *x, const size_t *arts, size_t k, int64_t *score, uint8_t *used, uint32_t *local,
                  size_t *out)
{
    for (size_t i = 0; i < k; i++) {
        local[arts[i]] = (uint32_t)i + 1;
        score[i] = 0;
        used[i] = 0;
    }
    size_t next = 0, cur = 0;
    for (size_t got = 0; got < k; got++) {
        used[cur] = 1;
        out[got] = arts[cur];
        for (size_t i = 0; i < k; i++)
            score[i] = score[i] * 8 / 10;
        size_t m = arts[cur];
        for (uint32_t q = 0; q < x->nfeat[m]; q++) {
            int64_t wq = x->feat[m * ORDER_WORDS + q].weight;
            for (size_t p = x->ps[m * ORDER_WORDS + q]; p < x->pe[m * ORDER_WORDS + q]; p++) {
                uint32_t j = local[x->post[p].art];
                if (j && !used[j - 1])
                    score[j - 1] += wq * x->post[p].weight;
            }
        }
        size_t best = k;
        double bs = 0;
        for (size_t i = 0; i < k; i++)
            if (!used[i] && score[i] > 0) {
                double s = (double)score[i] / x->norm[arts[i]];
                if (best == k || s > bs) {
                    best = i;
                    bs = s;
                }
            }
        if (best == k) {
            while (next < k && used[next])
                next++;
            best = next;
        }
        cur = best;
    }
    for (size_t i = 0; i < k; i++)
        local[arts[i]] = 0;
}

/* Finds the first posting of hash h in post[0..np). */
static size_t first_of(const word_t *post, size_t np, uint64_t h)
{
    size_t lo = 0, hi = np;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (post[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int order_texts(const uint8_t *const *texts, const size_t *lens, const size_t *sec, size_t n, size_t gcap, int threads,
                size_t *st)
{
    for (size_t m = 0; m < n; m++)
        st[m] = m;
    if (n < 3 || gcap < 2)
        return 0;
    int rc = -1;
    word_t *feat = NULL, *post = NULL;
    size_t npost = 0, nt = par_threads(threads);
    table_t df = {NULL, 0, 0};
    words_job_t job;
    memset(&job, 0, sizeof job);
    uint32_t *nfeat = calloc(n, sizeof *nfeat), *local = calloc(n, sizeof *local);
    size_t *ps = NULL, *pe = NULL, *run = malloc(n * sizeof *run), *out = malloc(n * sizeof *out);
    double *norm = calloc(n, sizeof *norm);
    int64_t *score = malloc(ORDER_RUN * sizeof *score);
    uint8_t *used = malloc(ORDER_RUN);
    job.dw = calloc(n, sizeof *job.dw);
    job.ndw = calloc(n, sizeof *job.ndw);
    job.err = calloc(n, 1);
    feat = calloc(n * ORDER_WORDS, sizeof *feat);
    if (!nfeat || !local || !run || !out || !norm || !score || !used || !job.dw || !job.ndw || !job.err || !feat)
        goto out;
    /* every text's words (on every thread), then how many texts hold each */
    job.texts = texts;
    job.lens = lens;
    par_for(nt, n, distinct_words, &job);
    for (size_t m = 0; m < n; m++) {
        if (job.err[m])
            goto out;
        for (size_t i = 0; i < job.ndw[m]; i++) {
            slot_t *sl = tab_get(&df, job.dw[m][i].hash);
            if (!sl)
                goto out;
            sl->count++;
        }
    }
    uint32_t ln = log2_q8((uint32_t)n);
    for (size_t i = 0; i < df.cap; i++) /* from here on, last is the word's idf (0: one text has it) */
        df.s[i].last = df.s[i].count < 2 ? 0 : ln - log2_q8(df.s[i].count) + 1u;
    job.df = &df;
    job.feat = feat;
    job.nfeat = nfeat;
    job.norm = norm;
    par_for(nt, n, pick_words, &job);
    if (!(post = malloc(n * ORDER_WORDS * sizeof *post)))
        goto out;
    /* the postings again, of the chosen words only, with their weights */
    for (size_t m = 0; m < n; m++)
        for (uint32_t q = 0; q < nfeat[m]; q++)
            post[npost++] = feat[m * ORDER_WORDS + q];
    qsort(post, npost, sizeof *post, by_hash);
    if (!(ps = calloc(n * ORDER_WORDS, sizeof *ps)) || !(pe = calloc(n * ORDER_WORDS, sizeof *pe)))
        goto out;
    for (size_t m = 0; m < n; m++)
        for (uint32_t q = 0; q < nfeat[m]; q++) {
            size_t at = m * ORDER_WORDS + q, e = ps[at] = first_of(post, npost, feat[at].hash);
            while (e < npost && post[e].hash == feat[at].hash)
                e++;
            pe[at] = e;
        }
    index_t x = {feat, nfeat, post, ps, pe, norm};
    /* section by section: the short texts chained, ORDER_RUN at a time,
     * then the long ones */
    size_t k = 0;
    for (size_t s0 = 0, s1; s0 < n; s0 = s1) {
        size_t total = 0, nshort = 0;
        for (s1 = s0; s1 < n && sec[s1] == sec[s0]; s1++) {
            total += lens[s1];
            if (lens[s1] * 2 <= gcap)
                run[nshort++] = s1;
        }
        if (total <= gcap) { /* one group holds it all */
            for (size_t m = s0; m < s1; m++)
                out[k++] = m;
            continue;
        }
        for (size_t r = 0; r < nshort; r += ORDER_RUN) {
            size_t len = nshort - r < ORDER_RUN ? nshort - r : ORDER_RUN;
            chain(&x, run + r, len, score, used, local, out + k);
            k += len;
        }
        for (size_t m = s0; m < s1; m++)
            if (lens[m] * 2 > gcap)
                out[k++] = m;
    }
    memcpy(st, out, n * sizeof *st);
    rc = 0;
out:
    free(df.s);
    for (size_t t = 0; t < PAR_MAX_THREADS; t++)
        free(job.loc[t]);
    for (size_t m = 0; job.dw && m < n; m++)
        free(job.dw[m]);
    free(job.dw);
    free(job.ndw);
    free(job.err);
    free(feat);
    free(post);
    free(ps);
    free(pe);
    free(nfeat);
    free(local);
    free(run);
    free(out);
    free(norm);
    free(score);
    free(used);
    return rc;
}

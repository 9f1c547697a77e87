/* SPDX-License-Identifier: MIT */
/* ink_hyph.c: Liang's hyphenation with the edition's patterns, in place. */
#include "ink_hyph.h"

#include <string.h>

#define NONE INK_HYPH_ALPHA /* the second letter of a one-letter pattern */

static uint32_t rd16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
    return rd16(p) | rd16(p + 2) << 16;
}

/* '.' is 0, a to z 1 to 26; anything else is not in the alphabet. */
static int alpha(uint8_t c)
{
    if (c == '.')
        return 0;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 1;
    return -1;
}

int ink_hyph_bind(ink_hyph_t *h, const uint8_t *data, size_t len, uint32_t narticles)
{
    memset(h, 0, sizeof *h);
    const size_t table = INK_HYPH_HEAD + 2u * (INK_HYPH_BUCKETS + 1u);
    if (!data || len < table)
        return -1;
    uint32_t rlen = rd32(data + 4);
    size_t nbytes = ((size_t)narticles + 7) / 8;
    if (data[0] < 1 || data[0] > 15 || data[1] < 1 || data[1] > 15 || rlen > len - table ||
        len - table - rlen != nbytes)
        return -1;
    for (unsigned i = 0; i < 8; i++)
        if (data[8 + i] && (data[8 + i] < 0x21 || data[8 + i] > 0x7E))
            return -1;
    const uint8_t *start = data + INK_HYPH_HEAD, *rec = data + table;
    if (rd16(start) != 0 || rd16(start + 2 * INK_HYPH_BUCKETS) != rlen)
        return -1;
    /* Every record of every bucket: letters of the alphabet, values at
     * positions inside the pattern, the last record ending at the bucket's
     * end. Lookups then trust what they read. */
    for (uint32_t b = 0; b < INK_HYPH_BUCKETS; b++) {
        uint32_t p = rd16(start + 2 * b), end = rd16(start + 2 * b + 2);
        if (end < p)
            return -1;
        unsigned plen = b % (INK_HYPH_ALPHA + 1) == NONE ? 1 : 2;
        const uint8_t *prev = NULL;
        unsigned prev_n = 0;
        while (p < end) {
            unsigned nrest = rec[p] >> 4, nvals = rec[p] & 15;
            if (!nvals || (plen == 1 && nrest) || end - p - 1 < nrest + nvals)
                return -1;
            for (unsigned k = 0; k < nrest; k++)
                if (alpha(rec[p + 1 + k]) < 0)
                    return -1;
            /* Strictly ascending letters within a bucket ('.' first): a
             * lookup stops at the first record past the word. */
            if (prev) {
                unsigned k = 0;
                while (k < prev_n && k < nrest && prev[k] == rec[p + 1 + k])
                    k++;
                if (k < prev_n ? k == nrest || prev[k] > rec[p + 1 + k] : k == nrest)
                    return -1;
            }
            prev = rec + p + 1;
            prev_n = nrest;
            for (unsigned k = 0; k < nvals; k++) {
                uint8_t v = rec[p + 1 + nrest + k];
                if ((unsigned)(v >> 4) > plen + nrest || !(v & 15))
                    return -1;
            }
            p += 1 + nrest + nvals;
        }
    }
    h->start = start;
    h->rec = rec;
    h->bits = rec + rlen;
    h->nbits = narticles;
    h->left = data[0];
    h->right = data[1];
    memcpy(h->lang, data + 8, 8);
    h->lang[8] = '\0';
    return 0;
}

int ink_hyph_article(const ink_hyph_t *h, uint32_t i)
{
    return h && h->rec && i < h->nbits && (h->bits[i / 8] >> (i % 8) & 1);
}

/* Applies the records of bucket b to the word w[0..m) at i, whose letters
 * after the bucket's start at `at`: each record whose letters follow there
 * raises the values it holds. The word and the records are compared as
 * bytes: '.' sorts before a to z there as in the alphabet, so the order
 * bind checked holds. */
static void apply_bucket(const ink_hyph_t *h, uint32_t b, const uint8_t *w, unsigned m, unsigned i, unsigned at,
                         uint8_t *vals)
{
    uint32_t p = rd16(h->start + 2 * b), end = rd16(h->start + 2 * b + 2);
    const uint8_t *rec = h->rec;
    while (p < end) {
        const uint8_t *r = rec + p;
        unsigned nrest = r[0] >> 4, nvals = r[0] & 15;
        p += 1 + nrest + nvals;
        unsigned k = 0;
        while (k < nrest && at + k < m && r[1 + k] == w[at + k])
            k++;
        if (k < nrest) {
            /* The records ascend (bind checked): past one that runs beyond
             * the word or is greater at its first difference, none fits. */
            if (at + k == m || r[1 + k] > w[at + k])
                break;
            continue;
        }
        for (k = 0; k < nvals; k++) {
            uint8_t v = r[1 + nrest + k];
            unsigned pos = i + (v >> 4);
            if ((v & 15) > vals[pos])
                vals[pos] = (uint8_t)(v & 15);
        }
    }
}

uint32_t ink_hyph_word(const ink_hyph_t *h, const uint8_t *word, unsigned n)
{
    if (!h || !h->rec || n < (unsigned)h->left + h->right || n > INK_HYPH_WORD_MAX)
        return 0;
    /* w: the word between its edges ('.'), as bytes; a: its letters in
     * the alphabet, for the buckets. */
    uint8_t w[INK_HYPH_WORD_MAX + 2], a[INK_HYPH_WORD_MAX + 2], vals[INK_HYPH_WORD_MAX + 3];
    unsigned m = n + 2;
    w[0] = w[m - 1] = '.';
    a[0] = a[m - 1] = 0;
    for (unsigned k = 0; k < n; k++) {
        int c = alpha(word[k]);
        if (c <= 0)
            return 0;
        w[k + 1] = word[k];
        a[k + 1] = (uint8_t)c;
    }
    memset(vals, 0, m + 1);
    for (unsigned i = 0; i < m; i++) {
        uint32_t row = (uint32_t)a[i] * (INK_HYPH_ALPHA + 1);
        if (i + 1 < m)
            apply_bucket(h, row + a[i + 1], w, m, i, i + 2, vals);
        apply_bucket(h, row + NONE, w, m, i, i + 1, vals);
    }
    /* vals[j] stands before w[j]: a break after letter k is vals[k + 2]. */
    uint32_t points = 0;
    for (unsigned k = h->left - 1u; k + h->right < n; k++)
        if (vals[k + 2] & 1)
            points |= (uint32_t)1 << k;
    return points;
}

static int digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

int ink_hyph_run_letters(const ink_hyph_t *h, const uint8_t *text, uint32_t len, uint32_t p, ink_hyph_run_t *r,
                         uint8_t word[INK_HYPH_RUN_MAX], unsigned *n)
{
    uint32_t s = p, e = p;
    while (s > 0 && ink_hyph_in_run(text[s - 1]))
        s--;
    while (e < len && ink_hyph_in_run(text[e]))
        e++;
    memset(r, 0, sizeof *r);
    r->start = s;
    r->end = e;
    *n = 0;
    if (!h || !h->rec || e - s > INK_HYPH_RUN_MAX)
        return 0;
    uint8_t before = s ? text[s - 1] : 0, after = e < len ? text[e] : 0;
    if (before == INK_TX_HYPH_OFF || digit(before) || before >= 0x80 || digit(after) || after >= 0x80 ||
        after == INK_TX_GLYPHS)
        return 0;
    unsigned k = 0, caps = 1;
    for (uint32_t i = s; i < e; i++) {
        uint8_t c = text[i];
        if (c == 0x15)
            continue;
        caps &= c <= 'Z';
        word[k++] = (uint8_t)(c | 0x20);
    }
    if (caps || k > INK_HYPH_WORD_MAX)
        return 0;
    r->applies = 1;
    *n = k;
    return 1;
}

void ink_hyph_run_points(ink_hyph_run_t *r, const uint8_t *text, uint32_t points)
{
    r->points = points;
    if (!points)
        return;
    /* From letters to bytes: a break after letter k falls before the byte
     * that follows it, unless that byte is a soft hyphen already. */
    unsigned k = 0;
    for (uint32_t i = r->start; i < r->end; i++) {
        if (text[i] == 0x15)
            continue;
        if ((points >> k & 1) && i + 1 < r->end && text[i + 1] != 0x15)
            r->breaks |= (uint64_t)1 << (i + 1 - r->start);
        k++;
    }
}

void ink_hyph_run(const ink_hyph_t *h, const uint8_t *text, uint32_t len, uint32_t p, ink_hyph_run_t *r)
{
    uint8_t word[INK_HYPH_RUN_MAX];
    unsigned n;
    if (ink_hyph_run_letters(h, text, len, p, r, word, &n))
        ink_hyph_run_points(r, text, ink_hyph_word(h, word, n));
}

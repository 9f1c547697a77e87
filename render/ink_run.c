/* SPDX-License-Identifier: MIT */
/* ink_run.c: shaped runs in article text, read in place and written. */
#include "ink_run.h"

#include "ink_text.h"

static uint32_t get6(const uint8_t *p, unsigned k)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < k; i++)
        v = v << 6 | (p[i] & 0x3Fu);
    return v;
}

static void put6(uint8_t *p, unsigned k, uint32_t v)
{
    for (unsigned i = k; i-- > 0; v >>= 6)
        p[i] = (uint8_t)(0x80u | (v & 0x3Fu));
}

static int32_t sign12(uint32_t v)
{
    return (v & 0x800u) ? (int32_t)v - 4096 : (int32_t)v;
}

ink_err_t ink_run_parse(const uint8_t *s, size_t avail, ink_run_t *r)
{
    if (avail < INK_RUN_HEAD || s[0] != INK_TX_GLYPHS)
        return INK_ERR_FORMAT;
    for (unsigned i = 1; i < INK_RUN_HEAD; i++)
        if ((s[i] & 0xC0u) != 0x80u)
            return INK_ERR_FORMAT;
    r->face = (uint8_t)get6(s + 1, 1);
    r->n = (uint8_t)get6(s + 2, 1);
    r->ulen = (uint16_t)get6(s + 3, 2);
    if (r->face < 3 || r->face > 15 || r->n == 0 || r->ulen == 0)
        return INK_ERR_FORMAT;
    size_t recs = (size_t)r->n * INK_RUN_REC;
    if (avail - INK_RUN_HEAD < recs || avail - INK_RUN_HEAD - recs < r->ulen)
        return INK_ERR_FORMAT;
    r->rec = s + INK_RUN_HEAD;
    r->text = r->rec + recs;
    r->len = (uint32_t)(INK_RUN_HEAD + recs + r->ulen);
    for (size_t i = 0; i < recs; i++)
        if ((r->rec[i] & 0xC0u) != 0x80u)
            return INK_ERR_FORMAT;
    for (unsigned i = 0; i < r->ulen; i++)
        if (r->text[i] < 0x20)
            return INK_ERR_FORMAT;
    for (unsigned i = 0; i < r->n; i++)
        if (get6(r->rec + i * INK_RUN_REC + 9, 2) >= r->ulen)
            return INK_ERR_FORMAT;
    return INK_OK;
}

void ink_run_glyph(const ink_run_t *r, unsigned i, ink_run_glyph_t *g)
{
    const uint8_t *p = r->rec + (size_t)i * INK_RUN_REC;
    g->gid = get6(p, 3);
    g->adv = (int32_t)get6(p + 3, 2);
    g->dx = sign12(get6(p + 5, 2));
    g->dy = sign12(get6(p + 7, 2));
    g->cluster = get6(p + 9, 2);
}

size_t ink_run_write(uint8_t *out, uint8_t face, const ink_run_glyph_t *g, unsigned n, const uint8_t *text,
                     size_t ulen)
{
    if (face < 3 || face > 15 || n == 0 || n > INK_RUN_MAX_GLYPHS || ulen == 0 || ulen > INK_RUN_MAX_TEXT)
        return 0;
    for (unsigned i = 0; i < n; i++)
        if (g[i].gid > INK_RUN_MAX_GID || g[i].adv < 0 || g[i].adv > INK_RUN_MAX_ADV ||
            g[i].dx < INK_RUN_MIN_OFF || g[i].dx > INK_RUN_MAX_OFF || g[i].dy < INK_RUN_MIN_OFF ||
            g[i].dy > INK_RUN_MAX_OFF || g[i].cluster >= ulen)
            return 0;
    for (size_t i = 0; i < ulen; i++)
        if (text[i] < 0x20)
            return 0;
    out[0] = INK_TX_GLYPHS;
    put6(out + 1, 1, face);
    put6(out + 2, 1, n);
    put6(out + 3, 2, (uint32_t)ulen);
    uint8_t *p = out + INK_RUN_HEAD;
    for (unsigned i = 0; i < n; i++, p += INK_RUN_REC) {
        put6(p, 3, g[i].gid);
        put6(p + 3, 2, (uint32_t)g[i].adv);
        put6(p + 5, 2, (uint32_t)g[i].dx & 0xFFFu);
        put6(p + 7, 2, (uint32_t)g[i].dy & 0xFFFu);
        put6(p + 9, 2, g[i].cluster);
    }
    for (size_t i = 0; i < ulen; i++)
        p[i] = text[i];
    return INK_RUN_HEAD + (size_t)n * INK_RUN_REC + ulen;
}

size_t ink_text_safe_cut(const uint8_t *s, size_t len, size_t cap)
{
    size_t i = 0, ok = 0;
    while (i < len) {
        size_t k = 1;
        if (s[i] == INK_TX_GLYPHS) {
            ink_run_t r;
            if (ink_run_parse(s + i, len - i, &r) != INK_OK)
                break;
            k = r.len;
        } else if (s[i] == INK_TX_LEVEL) {
            k = 2;
        } else if (s[i] >= 0xC0) {
            k = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;
        }
        if (i + k > len || i + k > cap)
            break;
        i += k;
        ok = i;
    }
    return ok;
}

void ink_bidi_order(const uint8_t *levels, int n, uint16_t *order)
{
    int hi = 0, lo_odd = 255;
    for (int i = 0; i < n; i++) {
        order[i] = (uint16_t)i;
        if (levels[i] > hi)
            hi = levels[i];
        if ((levels[i] & 1) && levels[i] < lo_odd)
            lo_odd = levels[i];
    }
    for (int lev = hi; lev >= lo_odd && lev > 0; lev--)
        for (int i = 0; i < n;) {
            if (levels[order[i]] < lev) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && levels[order[j]] >= lev)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                uint16_t x = order[a];
                order[a] = order[b];
                order[b] = x;
            }
            i = j;
        }
}

int32_t ink_run_scale(int32_t units, int px, int upem)
{
    if (upem <= 0)
        return 0;
    int64_t v = (int64_t)units * px * 64;
    return (int32_t)(v >= 0 ? (v + upem / 2) / upem : -((-v + upem / 2) / upem));
}

/* SPDX-License-Identifier: MIT */
/* bidi.c: UAX #9 levels with fribidi, written as INK_TX_LEVEL codes. */
#include "bidi.h"

#include "ink_font.h"
#include "ink_text.h"
#include "txbuf.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

/* One block's text s[0..n) (no block code): levels for its characters
 * (control bytes take the level of what follows them). */
static int block(txbuf_t *o, const uint8_t *s, size_t n)
{
    /* Most text has no right-to-left letter: no character of type R or
     * AL is below U+0590, and the rest are looked up one by one. */
    int any = 0;
    for (size_t i = 0, k; i < n && !any; i += k) {
        k = 1;
        if (s[i] < 0xD6) /* U+0590 and up start with 0xD6 and up */
            continue;
        uint32_t c = ink_utf8_next(s + i, n - i, &k);
        FriBidiCharType t = fribidi_get_bidi_type(c);
        any = c >= 0x590 && (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL);
    }
    if (!any) {
        txbuf_put(o, s, n);
        return 0;
    }
    FriBidiChar *cp = malloc((n + 1) * sizeof *cp);
    size_t *at = malloc((n + 1) * sizeof *at);
    FriBidiCharType *ty = malloc((n + 1) * sizeof *ty);
    FriBidiBracketType *br = malloc((n + 1) * sizeof *br);
    FriBidiLevel *lv = malloc((n + 1) * sizeof *lv);
    int rc = -1;
    if (!cp || !at || !ty || !br || !lv)
        goto out;
    size_t m = 0;
    int rtl = 0;
    for (size_t i = 0, k; i < n; i += k) {
        k = 1;
        if (s[i] < 0x20)
            continue;
        uint32_t c = ink_utf8_next(s + i, n - i, &k);
        cp[m] = c;
        at[m++] = i;
    }
    if (m == 0) {
        txbuf_put(o, s, n);
        rc = 0;
        goto out;
    }
    fribidi_get_bidi_types(cp, (FriBidiStrIndex)m, ty);
    for (size_t i = 0; i < m; i++)
        if (ty[i] == FRIBIDI_TYPE_RTL || ty[i] == FRIBIDI_TYPE_AL)
            rtl = 1;
    if (!rtl || m == 0) {
        txbuf_put(o, s, n);
        rc = 0;
        goto out;
    }
    fribidi_get_bracket_types(cp, (FriBidiStrIndex)m, ty, br);
    FriBidiParType base = FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(ty, br, (FriBidiStrIndex)m, &base, lv))
        goto out;
    uint8_t code[2] = { INK_TX_LEVEL, (uint8_t)(0x80u | (FRIBIDI_IS_RTL(base) ? INK_LEVEL_PARA_RTL
                                                                               : INK_LEVEL_PARA_LTR)) };
    txbuf_put(o, code, 2);
    int cur = -1;
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x20) {
            txbuf_put(o, s + i, 1);
            i++;
            continue;
        }
        size_t k;
        ink_utf8_next(s + i, n - i, &k);
        int l = lv[j] > 61 ? 61 : lv[j];
        if (l != cur) {
            code[1] = (uint8_t)(0x80u | (unsigned)l);
            txbuf_put(o, code, 2);
            cur = l;
        }
        txbuf_put(o, s + i, k);
        i += k;
        j++;
    }
    rc = 0;
out:
    free(cp);
    free(at);
    free(ty);
    free(br);
    free(lv);
    return rc;
}

int bidi_text(const uint8_t *text, size_t len, int title, uint8_t **out, size_t *outlen)
{
    txbuf_t o;
    txbuf_init(&o, len + 16);
    if (title) {
        if (block(&o, text, len))
            o.oom = 1;
    } else {
        for (size_t i = 0; i < len;) {
            size_t e = i + 1;
            while (e < len && !INK_TX_IS_BLOCK(text[e]))
                e++;
            int body = text[i] >= INK_TX_PARA && text[i] <= INK_TX_LIST;
            txbuf_put(&o, text + i, 1);
            if (body ? block(&o, text + i + 1, e - i - 1) : (txbuf_put(&o, text + i + 1, e - i - 1), 0))
                o.oom = 1;
            i = e;
        }
    }
    return txbuf_finish(&o, out, outlen);
}

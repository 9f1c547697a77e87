/* SPDX-License-Identifier: MIT */
/* ink_text.c: reading article text: its header blocks, and whether it is
 * what docs/FORMAT.md ("Article text") allows (see ink_text.h). */
#include "ink_text.h"

#include <string.h>

#include "ink_run.h"
#include "ink_utf8.h"

int ink_text_coded(const uint8_t *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != INK_TX_GLYPHS && s[i] != INK_TX_LEVEL) {
            i++;
            continue;
        }
        if (!ink_utf8_valid(s + from, i - from))
            return INK_TEXT_CODED_UTF8;
        if (s[i] == INK_TX_LEVEL) {
            if (i + 1 >= n || (s[i + 1] & 0xC0u) != 0x80u)
                return INK_TEXT_CODED_LEVEL;
            i += 2;
        } else {
            ink_run_t r;
            if (ink_run_parse(s + i, n - i, &r) != INK_OK)
                return INK_TEXT_CODED_RUN;
            if (!ink_utf8_valid(r.text, r.ulen))
                return INK_TEXT_CODED_UTF8;
            i += r.len;
        }
        from = i;
    }
    return ink_utf8_valid(s + from, n - from) ? INK_TEXT_CODED_OK : INK_TEXT_CODED_UTF8;
}

ink_err_t ink_text_check(const uint8_t *t, uint32_t len, const char **why)
{
    *why = "";
    if (!len || !INK_TX_IS_BLOCK(t[0]) || t[0] == INK_TX_HEADLINE || t[0] == INK_TX_META) {
        *why = "text: does not start with a block code";
        return INK_ERR_FORMAT;
    }
    /* Header blocks first, each once, in the order 0x07 0x08 0x09. */
    uint8_t last_head = 0;
    int body = 0;
    for (uint32_t i = 0; i < len; i++) {
        uint8_t c = t[i];
        if (c == INK_TX_HEADLINE || c == INK_TX_META) {
            *why = "text: holds a reserved code (0x01 or 0x06)";
            return INK_ERR_FORMAT;
        }
        if (c >= INK_TX_SOURCE && c <= INK_TX_BYLINE) {
            if (body || c <= last_head) {
                *why = "text: a header block after a body block or out of order";
                return INK_ERR_FORMAT;
            }
            last_head = c;
        } else if (INK_TX_IS_BLOCK(c)) {
            body = 1;
            if (c == INK_TX_PIC) {
                /* the picture's number, 1 to 4 digits without a leading 0, then a space */
                uint32_t d = i + 1;
                while (d < len && t[d] >= '0' && t[d] <= '9' && d - i <= 4)
                    d++;
                if (d == i + 1 || d - i > 5 || (t[i + 1] == '0' && d > i + 2) || d >= len || t[d] != ' ') {
                    *why = "text: a picture block does not start with its number and a space";
                    return INK_ERR_FORMAT;
                }
            }
        }
    }
    switch (ink_text_coded(t, len)) {
    case INK_TEXT_CODED_OK: return INK_OK;
    case INK_TEXT_CODED_LEVEL: *why = "text: a bidi level code (0x19) without its level byte"; break;
    case INK_TEXT_CODED_RUN: *why = "text: a shaped run (0x18) is damaged"; break;
    default: *why = "text: not UTF-8";
    }
    return INK_ERR_FORMAT;
}

void ink_text_head(const uint8_t *text, uint32_t len, ink_text_head_t *out)
{
    memset(out, 0, sizeof *out);
    uint32_t i = 0;
    while (i < len && (text[i] == INK_TX_SOURCE || text[i] == INK_TX_DATE || text[i] == INK_TX_BYLINE)) {
        uint8_t code = text[i++];
        uint32_t start = i;
        while (i < len && !INK_TX_IS_BLOCK(text[i]))
            i++;
        const char *s = (const char *)text + start;
        uint32_t n = i - start;
        if (code == INK_TX_SOURCE) {
            out->source = s;
            out->source_len = n;
        } else if (code == INK_TX_DATE) {
            out->date = s;
            out->date_len = n;
        } else {
            out->byline = s;
            out->byline_len = n;
        }
    }
    out->body = i;
}

/* SPDX-License-Identifier: MIT */
/* ink_brk.c: the device's own break rules for CJK text and clusters. */
#include "ink_brk.h"

#include <stddef.h>

#include "ink_brk_extend.h"

int ink_brk_cjk(uint32_t c)
{
    if (c < 0x2E80)
        return 0;
    if (c <= 0x2FDF)
        return 1; /* radicals, Kangxi */
    if (c >= 0x3000 && c <= 0x312F)
        return c != 0x3000; /* CJK symbols and punctuation, kana, bopomofo; not the ideographic space */
    if (c >= 0x3190 && c <= 0x31FF)
        return 1; /* kanbun, bopomofo extended, strokes, katakana extensions */
    if (c >= 0x3200 && c <= 0x4DBF)
        return 1; /* enclosed, compatibility, extension A */
    if (c >= 0x4E00 && c <= 0x9FFF)
        return 1;
    if (c >= 0xF900 && c <= 0xFAFF)
        return 1;
    if (c >= 0xFE30 && c <= 0xFE4F)
        return 1; /* vertical and compatibility forms */
    if (c >= 0xFF01 && c <= 0xFF9F)
        return 1; /* full-width ASCII, half-width katakana */
    if (c >= 0xFFE0 && c <= 0xFFE6)
        return 1;
    return c >= 0x20000 && c <= 0x3FFFF;
}

/* Sorted tables, searched by bisection. */
static int in_table(const uint16_t *t, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid] == c)
            return 1;
        if (t[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Closing brackets and quotes, sentence and clause punctuation, small kana,
 * the prolonged sound mark and iteration marks: JIS X 4051's line-start
 * prohibited classes (cl-02 to cl-11), with their ASCII and full-width
 * forms. */
static const uint16_t no_start[] = {
    0x0021, 0x0025, 0x0029, 0x002C, 0x002E, 0x003A, 0x003B, 0x003F, 0x005D, 0x007D, 0x00B0, 0x00BB, 0x2010,
    0x2013, 0x2019, 0x201D, 0x2025, 0x2026, 0x2030, 0x2032, 0x2033, 0x203A, 0x203C, 0x2047, 0x2048, 0x2049,
    0x2103, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B,
    0x301C, 0x301E, 0x301F, 0x303B, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
    0x308E, 0x3095, 0x3096, 0x309B, 0x309C, 0x309D, 0x309E, 0x30A0, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,
    0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE, 0x31F0, 0x31F1,
    0x31F2, 0x31F3, 0x31F4, 0x31F5, 0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB, 0x31FC, 0x31FD, 0x31FE,
    0x31FF, 0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55, 0xFE56, 0xFE57, 0xFE5A, 0xFE5C, 0xFE5E, 0xFF01, 0xFF05,
    0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64, 0xFF65,
    0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70, 0xFF9E, 0xFF9F,
};

/* Opening brackets and quotes (cl-01). */
static const uint16_t no_end[] = {
    0x0028, 0x005B, 0x007B, 0x00AB, 0x2018, 0x201C, 0x2039, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010,
    0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFE59, 0xFE5B, 0xFE5D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

int ink_brk_no_start(uint32_t c)
{
    return c <= 0xFFFF && in_table(no_start, sizeof no_start / sizeof no_start[0], c);
}

int ink_brk_no_end(uint32_t c)
{
    return c <= 0xFFFF && in_table(no_end, sizeof no_end / sizeof no_end[0], c);
}

int ink_brk_extend(uint32_t c)
{
    if (c < 0x300)
        return 0;
    size_t lo = 0, hi = sizeof ink_brk_extend_tab / sizeof ink_brk_extend_tab[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t first = ink_brk_extend_tab[mid] >> 11, last = first + (ink_brk_extend_tab[mid] & 0x7FFu);
        if (c < first)
            hi = mid;
        else if (c > last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static int no_break_space(uint32_t c)
{
    return c == 0x00A0 || c == 0x2007 || c == 0x2011 || c == 0x202F || c == 0x2060 || c == 0xFEFF;
}

int ink_brk_inside_cluster(uint32_t a, uint32_t b)
{
    return a == 0x200D || ink_brk_extend(b);
}

int ink_brk_between(uint32_t a, uint32_t b)
{
    if (!ink_brk_cjk(a) && !ink_brk_cjk(b))
        return 0;
    if (a == ' ' || b == ' ' || a < 0x20 || b < 0x20 || no_break_space(a) || no_break_space(b))
        return 0;
    if (ink_brk_no_start(b) || ink_brk_no_end(a) || ink_brk_inside_cluster(a, b))
        return 0;
    if (a == b && (a == 0x2014 || a == 0x2026 || a == 0x2025 || a == 0x2015))
        return 0;
    return 1;
}

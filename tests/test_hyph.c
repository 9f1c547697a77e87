/* SPDX-License-Identifier: MIT */
/* test_hyph.c: the device's hyphenation patterns (render/ink_hyph.c) on a
 * HYPH section written here from docs/FORMAT.md alone, and the packer's
 * choice of patterns (tools/pack/hyphpat.c) on invented text. */
#include "testutil.h"

#include "hyphpat.h"
#include "ink_hyph.h"

#include <unistd.h>

/* A HYPH section for Liang patterns pats[0..n) ("hy3ph"), left/right
 * letters kept, and narticles articles, all hyphenated by the patterns. */
static size_t section(const char *const *pats, size_t n, unsigned left, unsigned right, uint32_t narticles,
                      uint8_t *out)
{
    const size_t table = 16 + 2 * 757;
    uint8_t rec[4096];
    size_t rlen = 0;
    memset(out, 0, table);
    out[0] = (uint8_t)left;
    out[1] = (uint8_t)right;
    out[2] = (uint8_t)n;
    memcpy(out + 8, "en-US", 5);
    for (unsigned b = 0; b < 756; b++) {
        out[16 + 2 * b] = (uint8_t)rlen;
        out[17 + 2 * b] = (uint8_t)(rlen >> 8);
        for (size_t i = 0; i < n; i++) {
            char l[32] = { 0 };
            uint8_t v[32] = { 0 };
            unsigned nl = 0, nv = 0;
            for (const char *p = pats[i]; *p; p++)
                if (*p >= '0' && *p <= '9')
                    v[nl] = (uint8_t)(*p - '0');
                else
                    l[nl++] = *p;
            unsigned c0 = l[0] == '.' ? 0 : (unsigned)(l[0] - 'a' + 1);
            unsigned c1 = nl < 2 ? 27 : l[1] == '.' ? 0 : (unsigned)(l[1] - 'a' + 1);
            if (c0 * 28 + c1 != b)
                continue;
            for (unsigned j = 0; j <= nl; j++)
                nv += v[j] != 0;
            rec[rlen++] = (uint8_t)((nl > 2 ? nl - 2 : 0) << 4 | nv);
            for (unsigned j = 2; j < nl; j++)
                rec[rlen++] = (uint8_t)l[j];
            for (unsigned j = 0; j <= nl; j++)
                if (v[j])
                    rec[rlen++] = (uint8_t)(j << 4 | v[j]);
        }
    }
    out[16 + 2 * 756] = (uint8_t)rlen;
    out[17 + 2 * 756] = (uint8_t)(rlen >> 8);
    out[4] = (uint8_t)rlen;
    out[5] = (uint8_t)(rlen >> 8);
    memcpy(out + table, rec, rlen);
    size_t nbytes = (narticles + 7) / 8;
    memset(out + table + rlen, 0xFF, nbytes);
    return table + rlen + nbytes;
}

static const char *const liang[] = { "hy3ph", "he2n", "hena4", "hen5at", "1na", "n2at", "1tio", "2io", "o2n",
                                      ".ex1", "1b", "4b." };

static uint32_t word(const ink_hyph_t *h, const char *w)
{
    return ink_hyph_word(h, (const uint8_t *)w, (unsigned)strlen(w));
}

static void test_hyph_liang_points(void **st)
{
    (void)st;
    static uint8_t sec[8192];
    size_t len = section(liang, sizeof liang / sizeof *liang, 2, 3, 10, sec);
    ink_hyph_t h;
    assert_int_equal(ink_hyph_bind(&h, sec, len, 10), 0);
    assert_string_equal(h.lang, "en-US");
    /* hy-phen-ation: after letters 1 and 5. */
    assert_int_equal(word(&h, "hyphenation"), 1u << 1 | 1u << 5);
    assert_int_equal(word(&h, "nation"), 1u << 1);
    assert_int_equal(word(&h, "example"), 1u << 1); /* ".ex1": a pattern at the word's start */
    assert_int_equal(word(&h, "abbot"), 1u << 1);   /* "1b" before both b's; "4b." does not reach */
    /* Too short for 2 + 3 letters, or not in the alphabet: nothing. */
    assert_int_equal(word(&h, "hyph"), 0);
    assert_int_equal(word(&h, "hyph3nation"), 0);
    assert_true(ink_hyph_article(&h, 9));
    assert_false(ink_hyph_article(&h, 10));
    /* Three letters before a break: hy-phen loses its first point. */
    len = section(liang, sizeof liang / sizeof *liang, 3, 3, 10, sec);
    assert_int_equal(ink_hyph_bind(&h, sec, len, 10), 0);
    assert_int_equal(word(&h, "hyphenation"), 1u << 5);
}

static void test_hyph_runs_follow_the_rule(void **st)
{
    (void)st;
    static uint8_t sec[8192];
    size_t len = section(liang, sizeof liang / sizeof *liang, 2, 3, 1, sec);
    ink_hyph_t h;
    assert_int_equal(ink_hyph_bind(&h, sec, len, 1), 0);
    ink_hyph_run_t r;
    /* A capital letter is lowered; the breaks are byte positions. */
    const uint8_t *t = (const uint8_t *)"\x02On Hyphenation.";
    ink_hyph_run(&h, t, (uint32_t)strlen((const char *)t), 6, &r);
    assert_int_equal(r.start, 4);
    assert_int_equal(r.end, 15);
    assert_true(r.applies);
    assert_int_equal(r.breaks, (uint64_t)1 << 2 | (uint64_t)1 << 6);
    /* A soft hyphen already there is not doubled, and is part of the run. */
    t = (const uint8_t *)"hy\x15phenation";
    ink_hyph_run(&h, t, 12, 0, &r);
    assert_int_equal(r.end, 12);
    assert_int_equal(r.breaks, (uint64_t)1 << 7);
    /* Marked off, all capitals, touching a digit or a multi-byte letter:
     * the patterns leave it alone. */
    const char *const alone[] = { "\x17hyphenation", "HYPHENATION", "hyphenation2", "\xc3\xa9hyphenation" };
    for (size_t i = 0; i < 4; i++) {
        uint32_t n = (uint32_t)strlen(alone[i]);
        ink_hyph_run(&h, (const uint8_t *)alone[i], n, i == 1 || i == 2 ? 0 : n - 1, &r);
        assert_false(r.applies);
        assert_int_equal(r.breaks, 0);
    }
    /* No patterns at all: nothing applies. */
    ink_hyph_run(NULL, (const uint8_t *)"hyphenation", 11, 0, &r);
    assert_false(r.applies);
}

static void test_hyph_refuses_a_damaged_section(void **st)
{
    (void)st;
    static uint8_t sec[8192], bad[8192];
    size_t len = section(liang, sizeof liang / sizeof *liang, 2, 3, 10, sec);
    ink_hyph_t h;
    const size_t table = 16 + 2 * 757;
    for (int kind = 0; kind < 7; kind++) {
        memcpy(bad, sec, len);
        size_t l = len;
        switch (kind) {
        case 0: l = len - 1; break;                    /* the article bits cut short */
        case 1: bad[0] = 0; break;                     /* no letters before a break */
        case 2: bad[table + 1] = 'A'; break;           /* a letter out of the alphabet */
        case 3: bad[4]++; break;                       /* records_len disagrees */
        case 4: bad[16 + 2 * 300] = 0xFF; break;       /* a bucket starting past its end */
        case 5: bad[8] = 0x01; break;                  /* a control byte in the language */
        case 6: l = 100; break;                        /* shorter than the bucket table */
        }
        assert_int_equal(ink_hyph_bind(&h, bad, l, 10), -1);
        assert_false(ink_hyph_article(&h, 0));
        assert_int_equal(word(&h, "hyphenation"), 0);
    }
    /* Records of one bucket out of order, or the same letters twice. */
    const char *const unsorted[] = { "hen5at", "he2n" }, *const twice[] = { "he2n", "he3n" };
    len = section(unsorted, 2, 2, 3, 1, sec);
    assert_int_equal(ink_hyph_bind(&h, sec, len, 1), -1);
    len = section(twice, 2, 2, 3, 1, sec);
    assert_int_equal(ink_hyph_bind(&h, sec, len, 1), -1);
    /* A value past the pattern's end: "hy3ph" is 4 letters, position 5 is out. */
    const char *const over[] = { "hy3ph" };
    len = section(over, 1, 2, 3, 1, sec);
    assert_int_equal(ink_hyph_bind(&h, sec, len, 1), 0);
    sec[table + 3] = 5 << 4 | 3;
    assert_int_equal(ink_hyph_bind(&h, sec, len, 1), -1);
}

/* The packer: a dictionary of the patterns above, texts that use their
 * words often enough to pay for a table; every rewritten text must read
 * back (with the device's code) as the original, and lose soft hyphens. */
static void test_hyph_packer_keeps_every_point(void **st)
{
    (void)st;
    char dir[] = "/tmp/inkpress-hyph-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/hyph_en.dic", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n", f);
    for (size_t i = 0; i < sizeof liang / sizeof *liang; i++)
        fprintf(f, "%s\n", liang[i]);
    fputs("\xc3\xa9" "1b\n", f); /* not ASCII: the device cannot use it, skipped */
    fclose(f);
    enum { N = 40 };
    uint8_t *texts[N];
    size_t lens[N];
    uint8_t elig[N];
    /* hy-phen-ation, na-tion, ex-ample, ab-bot as libhyphen would mark them
     * with these patterns; "hyphenation" once without its points (the host
     * skipped it), "HYPHENATION" in capitals, and a header block. */
    const char *body = "\x08" "2026-11-29\x02On hy\x15phen\x15"
                       "ation and na\x15tion; ex\x15"
                       "ample of ab\x15"
                       "bot. hyphenation HYPHENATION\x03"
                       "Na\x15tion\x10hy\x15phen\x15"
                       "ation\x11";
    for (size_t m = 0; m < N; m++) {
        lens[m] = strlen(body);
        texts[m] = (uint8_t *)strdup(body);
        elig[m] = m != 3; /* one article in another language */
    }
    uint8_t *sec = NULL;
    size_t sec_len = 0;
    hyphpat_stats_t hs;
    /* Too little text to pay for a table: only when asked to always. */
    assert_int_equal(hyphpat_pack(path, "en-US", 2, 3, 0, texts, lens, elig, N, 0, &sec, &sec_len, &hs), 0);
    assert_int_equal(sec_len, 0);
    assert_memory_equal(texts[0], body, lens[0]);
    assert_int_equal(hyphpat_pack(path, "en-US", 2, 3, 1, texts, lens, elig, N, 0, &sec, &sec_len, &hs), 0);
    assert_true(sec_len > 0);
    assert_int_equal(hs.articles, N - 1);
    assert_int_equal(hs.refused, 0);
    ink_hyph_t h;
    assert_int_equal(ink_hyph_bind(&h, sec, sec_len, N), 0);
    assert_false(ink_hyph_article(&h, 3));
    assert_true(ink_hyph_article(&h, 0));
    /* The rewritten text: no soft hyphens left, the unhyphenated word
     * marked off so that the device leaves it as the host did. */
    assert_memory_equal(texts[3], body, lens[3]);
    const char *want = "\x08" "2026-11-29\x02On hyphenation and nation; example of abbot. \x17hyphenation "
                       "HYPHENATION\x03Nation\x10hyphenation\x11";
    assert_int_equal(lens[0], strlen(want));
    assert_memory_equal(texts[0], want, lens[0]);
    assert_int_equal(hs.shy_after, 0);
    assert_int_equal(hs.marked, N - 1);
    for (size_t m = 0; m < N; m++)
        free(texts[m]);
    free(sec);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hyph_liang_points),
        cmocka_unit_test(test_hyph_runs_follow_the_rule),
        cmocka_unit_test(test_hyph_refuses_a_damaged_section),
        cmocka_unit_test(test_hyph_packer_keeps_every_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

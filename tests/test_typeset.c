/* SPDX-License-Identifier: MIT */
/* test_typeset.c: soft hyphens per language, UAX #14 break marks, and the
 * extractor taking them out again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "article.h"
#include "ink_brk.h"
#include "ink_text.h"
#include "ink_utf8.h"
#include "input.h"
#include "typeset.h"

#include <linebreak.h>

#define SHY "\x15"
#define ZWSP "\x16"
#define NBSP_MARK "\x14"
#define APOS "\xe2\x80\x99"      /* ’ U+2019 */
#define LETTER_APOS "\xca\xbc"    /* ʼ U+02BC */

static typeset_t *ts;

static int setup(void **st)
{
    (void)st;
    ts = typeset_new(NULL);
    return ts ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    typeset_free(ts);
    return 0;
}

/* typeset_text on a string; the result is malloc'd. */
static char *mark(const char *s, const char *lang, unsigned flags)
{
    char *out;
    size_t n;
    assert_int_equal(typeset_text(ts, s, strlen(s), lang, flags, &out, &n), 0);
    assert_int_equal(strlen(out), n);
    return out;
}

static void expect(const char *in, const char *lang, unsigned flags, const char *want)
{
    char *got = mark(in, lang, flags);
    assert_string_equal(got, want);
    free(got);
}

static void test_typeset_hyphenates_english_by_default(void **st)
{
    (void)st;
    expect("typesetting", NULL, TS_HYPHENATE, "type" SHY "set" SHY "ting");
    expect("The international community", "en-US", TS_HYPHENATE | TS_BREAKS,
           "The in" SHY "ter" SHY "na" SHY "tional com" SHY "mu" SHY "nity");
    /* en-GB finds hyph_en.dic */
    expect("typesetting", "en-GB", TS_HYPHENATE, "type" SHY "set" SHY "ting");
}

static void test_typeset_hyphenates_german_french_spanish(void **st)
{
    (void)st;
    assert_true(typeset_has_lang(ts, "de"));
    assert_true(typeset_has_lang(ts, "fr-FR"));
    assert_true(typeset_has_lang(ts, "es"));
    /* German patterns are Latin-1: the ü goes through and comes back */
    expect("Bundesregierung Z\xC3\xBCrichsee", "de-DE", TS_HYPHENATE,
           "Bun" SHY "des" SHY "re" SHY "gie" SHY "rung Z\xC3\xBC" SHY "rich" SHY "see");
    expect("d\xC3\xA9" "claration", "fr", TS_HYPHENATE, "d\xC3\xA9" SHY "cla" SHY "ra" SHY "tion");
    expect("administraci\xC3\xB3n", "es", TS_HYPHENATE, "ad" SHY "mi" SHY "nis" SHY "tra" SHY "ci\xC3\xB3n");
}

/* A typesetter keeps the breaks of the words it has hyphenated: the same
 * letters in another language, or in capitals, are hyphenated on their own. */
static void test_typeset_remembers_words_per_language(void **st)
{
    (void)st;
    for (int round = 0; round < 3; round++) { /* the first time, then from the memo */
        expect("Information Religion", "en", TS_HYPHENATE, "In" SHY "for" SHY "ma" SHY "tion Re" SHY "li" SHY "gion");
        expect("Information Religion", "de", TS_HYPHENATE,
               "In" SHY "for" SHY "ma" SHY "ti" SHY "on Re" SHY "li" SHY "gi" SHY "on");
        expect("RELIGION Religion", "en", TS_HYPHENATE, "RELIGION Re" SHY "li" SHY "gion");
    }
}

/* Every soft hyphen has at least 2 letters of its word before it and 3 after. */
static void test_typeset_keeps_two_letters_before_three_after(void **st)
{
    (void)st;
    const char *text = "An example of hyphenation: every author, editor and reader appreciates "
                       "typography, especially unequivocally incomprehensible constitutionality, "
                       "oleander, abolition, eraser, ideology, overabundance.";
    char *got = mark(text, NULL, TS_HYPHENATE);
    int shys = 0;
    /* Walk words (letters, with soft hyphens inside): note each soft
     * hyphen's letter index, check it against the word's length at its end. */
    int letters = 0, at[32], nat = 0;
    for (const char *p = got;; p++) {
        if (*p == SHY[0]) {
            assert_true(nat < 32);
            at[nat++] = letters;
            continue;
        }
        if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') {
            letters++;
            continue;
        }
        for (int i = 0; i < nat; i++) {
            assert_true(at[i] >= TS_HYPHEN_LEFT);
            assert_true(letters - at[i] >= TS_HYPHEN_RIGHT);
        }
        shys += nat;
        letters = nat = 0;
        if (!*p)
            break;
    }
    assert_true(shys > 10);
    free(got);
}

static void test_typeset_leaves_numbers_urls_acronyms_and_compounds(void **st)
{
    (void)st;
    const char *keep[] = { "NATO UNESCO INTERNATIONAL", "well-established long\xE2\x80\x90standing", "covid19international",
                           "www.internationalnews.com", "someone@international.example", "internationalisation_variable" };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        expect(keep[i], NULL, TS_HYPHENATE, keep[i]);
    /* a title gets break marks only */
    expect("International typesetting", NULL, TS_BREAKS, "International typesetting");
    /* a language without patterns: no soft hyphens, breaks still */
    assert_false(typeset_has_lang(ts, "xx"));
    expect("typesetting and/or", "xx", TS_HYPHENATE | TS_BREAKS, "typesetting and/" ZWSP "or");
}

static void test_typeset_marks_uax14_breaks_for_the_device_rule(void **st)
{
    (void)st;
    /* after a slash (UAX #14 allows it, the rule does not): a ZWSP */
    expect("see https://bbc.co.uk/news", NULL, TS_BREAKS, "see https://" ZWSP "bbc.co.uk/" ZWSP "news");
    /* after a hyphen the rule breaks already: nothing added */
    expect("a well-known fact", NULL, TS_BREAKS, "a well-known fact");
    /* a space before a closing bracket or "!" cannot break: no-break space */
    expect("Bonjour ! ( sic )", "fr", TS_BREAKS, "Bonjour" NBSP_MARK "!" " (" NBSP_MARK "sic" NBSP_MARK ")");
    /* ordinary spaces stay spaces */
    expect("one two three", NULL, TS_BREAKS, "one two three");
}

/* typeset_linebreaks gives libunibreak's breaks exactly, letters next to
 * every class it may meet: made-up text of ASCII words with digits,
 * spaces, punctuation, quotes, dashes, marks, other scripts and emoji,
 * in four languages' tables. */
static void test_typeset_linebreaks_as_libunibreak(void **st)
{
    (void)st;
    static const uint32_t other[] = {
        '0', '7', ' ', 0xA0, '.', ',', ';', ':', '!', '?', '\'', '"', '(', ')', '[', ']', '{', '}', '-', '/', '%', '$',
        '&', '+', '=', '#', '@', '*', '_', 0x20AC, 0xA3, 0x2018, 0x2019, 0x201C, 0x201D, 0xAB, 0xBB, 0x2010, 0x2013,
        0x2014, 0x2026, 0x200B, 0x200D, 0x2060, 0xAD, 0x301, 0xE9, 0xDF, 0x3B1, 0x434, 0x5D0, 0x628, 0x4E2D, 0x3001,
        0x3002, 0x300C, 0x300D, 0x3042, 0x30FC, 0xD55C, 0xE01, 0x1F600, 0x2764, 0xFE0F, 0x1F3FB, 0xFF01, 0x2032, 0xB0,
    };
    static const char *const langs[] = {"en", "ja", "zh", "ko"};
    enum { N = 400 };
    uint32_t cps[N], tmp[N];
    char want[N], got[N], tb[N];
    uint32_t r = 7;
    size_t diffs = 0, letters = 0;
    for (int round = 0; round < 2000; round++) {
        size_t n = 0;
        while (n < N) {
            r = r * 1103515245u + 12345u;
            if ((r >> 16) % 3) { /* a word: 1 to 9 ASCII letters */
                size_t k = 1 + (r >> 8) % 9;
                for (size_t i = 0; i < k && n < N; i++) {
                    r = r * 1103515245u + 12345u;
                    cps[n++] = ((r >> 16) % 5 ? 'a' : 'A') + (r >> 20) % 26;
                    letters++;
                }
            } else {
                cps[n++] = other[(r >> 8) % (sizeof other / sizeof *other)];
            }
        }
        size_t len = 1 + (size_t)round % N; /* every length, the ends of runs cut anywhere */
        const char *lang = langs[round % 4];
        set_linebreaks_utf32(cps, len, lang, want);
        typeset_linebreaks(cps, len, lang, got, tmp, tb);
        diffs += memcmp(want, got, len) != 0;
    }
    assert_true(letters > 100000);
    assert_int_equal(diffs, 0);
}

static void test_typeset_keeps_numbers_with_units_and_dates(void **st)
{
    (void)st;
    /* a number and its unit or currency, a day and its month: no break */
    expect("a \xc2\xa3" "5 m deal, up 10 % on 26 Aug", NULL, TS_BREAKS,
           "a \xc2\xa3" "5" NBSP_MARK "m deal, up 10" NBSP_MARK "% on 26" NBSP_MARK "Aug");
    /* a number and a word may break; the text's own U+00A0 after Mr stays */
    expect("72 hours with Mr\xc2\xa0Smith", NULL, TS_BREAKS, "72 hours with Mr\xc2\xa0Smith");
    /* with the style codes between */
    expect("\x10" "5\x11 km", NULL, TS_BREAKS, "\x10" "5\x11" NBSP_MARK "km");
}

static void test_typeset_keeps_style_codes_in_place(void **st)
{
    (void)st;
    /* a style switch ends a word: "bold" and "typesetting" are hyphenated apart */
    expect("\x12" "bold\x13typesetting \x10italic\x11", NULL, TS_HYPHENATE | TS_BREAKS,
           "\x12" "bold\x13type" SHY "set" SHY "ting \x10italic\x11");
}

/* What extract prints is what clean printed: the hints come out again,
 * and a no-break space of the cleaner's own stays one. */
static void test_typeset_unhint_gives_back_the_clean_text(void **st)
{
    (void)st;
    const char *texts[] = {
        "The international community, at https://www.bbc.co.uk/news and/or NATO\xE2\x80\x99s hyphenation "
        "\xE2\x80\x94 well-known \xE2\x80\x9Cquotations\xE2\x80\x9D (parenthetical) and 10-15 people.",
        "\xC2\xAB Bonjour ! \xC2\xBB dit l\xE2\x80\x99\xC3\xA9l\xC3\xA9phant ; la d\xC3\xA9" "claration ?",
        "A price of 10\xC2\xA0km and \x10" "emphasised\x11 \x12words\x13 here.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *got = mark(texts[i], i == 1 ? "fr" : NULL, TS_BREAKS | TS_HYPHENATE);
        assert_true(strlen(got) > strlen(texts[i]));
        size_t n = article_unhint(got, strlen(got));
        assert_int_equal(n, strlen(texts[i]));
        assert_string_equal(got, texts[i]);
        free(got);
    }
}

static void test_typeset_article_copies_and_marks(void **st)
{
    (void)st;
    article_t a = { 0 }, t;
    a.title = article_strndup("Typesetting and/or hyphenation", 30);
    a.source = article_strndup("Wire", 4);
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, "Typesetting", 11), 0);
    assert_int_equal(typeset_article(ts, &a, &t), 0);
    assert_string_equal(t.title, "Typesetting and/" ZWSP "or hyphenation");
    assert_string_equal(t.source, "Wire");
    assert_null(t.lang);
    assert_int_equal(t.nblocks, 1);
    assert_int_equal(t.blocks[0].kind, ARTICLE_BLOCK_PARA);
    assert_string_equal(t.blocks[0].text, "Type" SHY "set" SHY "ting");
    article_free(&t);
    a.lang = article_strndup("de", 2);
    article_free(&a);
}


/* Chinese and Japanese need no mark for their breaks between characters:
 * the device's own rule (ink_brk.h) gives them, kinsoku included; a break
 * UAX #14 forbids where that rule would take one gets a JOIN mark. Korean
 * keeps its words whole; Thai gets a ZWSP between words (libthai), never
 * inside a cluster. */
static void test_typeset_cjk_thai_korean_marks(void **st)
{
    (void)st;
    /* 河口大桥于周五通车。「夜の図書館」が開館した。 */
    const char *zh = "\xe6\xb2\xb3\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5\xe4\xba\x8e\xe5\x91\xa8\xe4\xba\x94\xe9\x80\x9a"
                     "\xe8\xbd\xa6\xe3\x80\x82";
    const char *ja = "\xe3\x80\x8c\xe5\xa4\x9c\xe3\x81\xae\xe5\x9b\xb3\xe6\x9b\xb8\xe9\xa4\xa8\xe3\x80\x8d\xe3\x81\x8c"
                     "\xe9\x96\x8b\xe9\xa4\xa8\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82\xe3\x81\xaa\xe3\x81\x8b\xe3\x81\xa3"
                     "\xe3\x81\x9f";
    expect(zh, "zh", TS_BREAKS | TS_HYPHENATE, zh);
    expect(ja, "ja", TS_BREAKS | TS_HYPHENATE, ja);
    /* 시장이 다시 문을 열었다: no break inside a word */
    const char *ko = "\xec\x8b\x9c\xec\x9e\xa5\xec\x9d\xb4 \xeb\x8b\xa4\xec\x8b\x9c \xeb\xac\xb8\xec\x9d\x84 "
                     "\xec\x97\xb4\xec\x97\x88\xeb\x8b\xa4";
    expect(ko, "ko", TS_BREAKS | TS_HYPHENATE, ko);
    expect("26\xec\x9d\xbc", "ko", TS_BREAKS, "26\xec\x9d\xbc"); /* 26일 */
    /* รถไฟสายใหม่เปิดให้บริการ: train / line / new / open / serve */
    char *th = mark("\xe0\xb8\xa3\xe0\xb8\x96\xe0\xb9\x84\xe0\xb8\x9f\xe0\xb8\xaa\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb9\x83"
                    "\xe0\xb8\xab\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb9\x80\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\x94\xe0\xb9\x83"
                    "\xe0\xb8\xab\xe0\xb9\x89\xe0\xb8\x9a\xe0\xb8\xa3\xe0\xb8\xb4\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa3",
                    "th", TS_BREAKS | TS_HYPHENATE);
    size_t zw = 0;
    for (const char *p = th; *p; p++)
        if (*p == ZWSP[0]) {
            zw++;
            /* never before a combining vowel or tone mark (U+0E31, U+0E34-0E3A, U+0E47-0E4E) */
            const unsigned char *u = (const unsigned char *)p + 1;
            unsigned cp = (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
            assert_false(cp == 0xE31 || (cp >= 0xE34 && cp <= 0xE3A) || (cp >= 0xE47 && cp <= 0xE4E));
        }
    assert_true(zw >= 3);
    free(th);
    /* Khmer, Lao and Myanmar write no spaces between words either: ICU's
     * dictionaries find them (libunibreak gave none, and a line could only
     * be cut inside a word). ផ្សារនេះមានតូបលក់ចំនួនពីររយ: market / this / has /
     * stall / sell / number / two hundred; ကလေးများအတွက်စာဖတ်ခန်း: children /
     * for / reading room */
    static const char *const sa[] = { "ផ្សារនេះមានតូបលក់ចំនួនពីររយ", "ကလေးများအတွက်စာဖတ်ခန်း",
                                      "ຕະຫຼາດໃໝ່ເປີດໃຫ້ບໍລິການ" };
    for (size_t i = 0; i < sizeof sa / sizeof sa[0]; i++) {
        char *got = mark(sa[i], i == 0 ? "km" : i == 1 ? "my" : "lo", TS_BREAKS | TS_HYPHENATE);
        size_t marks = 0;
        for (const char *p = got; *p; p++)
            if (*p == ZWSP[0]) {
                marks++;
                /* never before a mark that extends a cluster, nor after a coeng (U+17D2) or virama (U+1039) */
                uint32_t c = ink_utf8_next((const uint8_t *)p + 1, strlen(p + 1), &(size_t){ 0 });
                assert_false(ink_brk_extend(c));
                assert_false(p - got >= 3 && (!memcmp(p - 3, "\xe1\x9f\x92", 3) || !memcmp(p - 3, "\xe1\x80\xb9", 3)));
            }
        if (marks < 2)
            fail_msg("%s: %zu word breaks", sa[i], marks);
        free(got);
    }
    /* The device's rule never breaks at a word joiner (U+2060); UAX #14
     * never breaks on either side of an ASCII quote, where the device
     * would: a JOIN mark there */
    expect("A\xe2\x81\xa0\xe5\xa4\xa7", "zh", TS_BREAKS, "A\xe2\x81\xa0\xe5\xa4\xa7");
    expect("\xe5\xa4\xa7\"\xe5\xb0\x8f\"", "zh", TS_BREAKS, "\xe5\xa4\xa7\x1a\"\x1a\xe5\xb0\x8f\x1a\"");
    expect("\xe5\xa4\xa7\xe2\x80\x94\xe2\x80\x94\xe5\xa4\xa7", "zh", TS_BREAKS,
           "\xe5\xa4\xa7\xe2\x80\x94\xe2\x80\x94\xe5\xa4\xa7");
}

/* An article without a language of its own gets one from its script. */
static void test_typeset_guesses_the_language_from_the_script(void **st)
{
    (void)st;
    static const struct {
        const char *text, *lang;
    } cases[] = {
        { "\xd0\x92\xd0\xbe\xd0\xb5\xd0\xbd\xd0\xbd\xd0\xbe\xd0\xb5 \xd0\xb2\xd0\xb5\xd0\xb4\xd0\xbe\xd0\xbc\xd1\x81\xd1\x82"
          "\xd0\xb2\xd0\xbe NATO", "ru" },
        { "\xce\xa4\xce\xbf \xce\xbb\xce\xb9\xce\xbc\xce\xac\xce\xbd\xce\xb9", "el" },
        { "\xe6\xb2\xb3\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5", "zh" },
        { "\xe5\x9b\xb3\xe6\x9b\xb8\xe9\xa4\xa8\xe3\x81\x8c\xe9\x96\x8b\xe9\xa4\xa8\xe3\x81\x97\xe3\x81\x9f", "ja" },
        { "\xec\x8b\x9c\xec\x9e\xa5\xec\x9d\xb4", "ko" },
        { "\xe0\xb8\xa3\xe0\xb8\x96\xe0\xb9\x84\xe0\xb8\x9f", "th" },
        { "Ch\xe1\xbb\xa3 n\xe1\xbb\x95i C\xc3\xa1i L\xc4\x83ng tr\xe1\xbb\x9f l\xe1\xba\xa1i", "vi" },
        { "Будівництво тривало п'ять місяців", "uk" },
        { "The harbour reopened", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        article_t a;
        memset(&a, 0, sizeof a);
        a.title = strdup(cases[i].text);
        const char *l = typeset_lang(&a);
        if (cases[i].lang)
            assert_string_equal(l, cases[i].lang);
        else
            assert_null(l);
        a.lang = strdup("de-AT"); /* a page's own language wins */
        assert_string_equal(typeset_lang(&a), "de-AT");
        article_free(&a);
    }
}


/* Patterns in a one-byte charset are read through it: KOI8-R (Debian's
 * Russian, which the build's own TeX patterns replace: read here from
 * /usr/share/hyphen alone), ISO 8859-7 (Greek), ISO 8859-2 (Polish);
 * Russian carries two letters over. */
static void test_typeset_hyphenates_in_one_byte_charsets(void **st)
{
    (void)st;
    typeset_t *deb = typeset_new("/usr/share/hyphen");
    assert_non_null(deb);
    char *out;
    size_t n;
    const char *w = "\xd0\xb7\xd0\xb0\xd0\xba\xd1\x80\xd0\xbe\xd0\xb5\xd1\x82\xd1\x81\xd1\x8f"; /* закроется */
    assert_int_equal(typeset_text(deb, w, strlen(w), "ru", TS_HYPHENATE, &out, &n), 0);
    assert_string_equal(out, "\xd0\xb7\xd0\xb0\xd0\xba\xd1\x80\xd0\xbe\xd0\xb5\xd1\x82" SHY "\xd1\x81\xd1\x8f"); /* закроет-ся */
    assert_non_null(strstr(typeset_patterns(deb, "ru"), "hyph_ru_RU.dic"));
    free(out);
    typeset_free(deb);
    expect("\xce\xba\xce\xb1\xcf\x84\xce\xb1\xce\xb9\xce\xb3\xce\xaf\xce\xb4\xce\xb1", "el", TS_HYPHENATE,
           "\xce\xba\xce\xb1" SHY "\xcf\x84\xce\xb1\xce\xb9" SHY "\xce\xb3\xce\xaf\xce\xb4\xce\xb1"); /* κα-ται-γίδα */
    expect("przedsi\xc4\x99" "biorstwo", "pl", TS_HYPHENATE,
           "przed" SHY "si\xc4\x99" SHY "bior" SHY "stwo");
    assert_true(typeset_has_lang(ts, "nl") && typeset_has_lang(ts, "it") && typeset_has_lang(ts, "uk"));
}

/* Russian and Ukrainian are hyphenated with TeX's patterns (hyph-utf8,
 * converted by mk/texhyph.py into build/hyphen), found before Debian's
 * thin hyphen-ru: every word below had no point, or a wrong one, with it. */
static void test_typeset_hyphenates_russian_with_tex_patterns(void **st)
{
    (void)st;
    const char *path = typeset_patterns(ts, "ru-RU");
    assert_non_null(path);
    if (!strstr(path, "/hyphen/hyph_ru.dic"))
        fail_msg("Russian patterns from %s, not the build's hyph_ru.dic: run 'make deps' then 'make'", path);
    static const struct {
        const char *in, *want;
    } ru[] = {
        { "годов", "го-дов" },
        { "открытие", "от-кры-тие" },
        { "закроется", "за-кро-ет-ся" },
        { "строительство", "стро-и-тель-ство" },
        { "объявление", "объ-яв-ле-ние" },
        { "подъезд", "подъ-езд" },
        { "теплоснабжения", "теп-ло-снаб-же-ния" },
        { "модернизации", "мо-дер-ни-за-ции" },
        { "чересчур", "че-рес-чур" }, /* one of hyph-ru's exceptions */
    };
    for (size_t i = 0; i < sizeof ru / sizeof ru[0]; i++) {
        char *got = mark(ru[i].in, "ru", TS_HYPHENATE);
        for (char *p = got; *p; p++)
            if (*p == SHY[0])
                *p = '-';
        assert_string_equal(got, ru[i].want);
        free(got);
    }
    assert_non_null(strstr(typeset_patterns(ts, "uk"), "/hyphen/hyph_uk.dic"));
    char *got = mark("будівництво", "uk", TS_HYPHENATE);
    for (char *p = got; *p; p++)
        if (*p == SHY[0])
            *p = '-';
    assert_string_equal(got, "бу-дів-ни-цтво");
    free(got);
}

/* An apostrophe inside a Ukrainian word (typed ', typographic ’ or the
 * letter ʼ) is part of the word: the word is hyphenated whole, as TeX's
 * patterns (which know ' and ’) hyphenate it, and never right before or
 * after the apostrophe. Before, п'ятниця was hyphenated as ятниця alone
 * and м'ясо, дев'яти not at all (ясо, яти too short). */
static void test_typeset_hyphenates_ukrainian_apostrophe_words_whole(void **st)
{
    (void)st;
    static const struct {
        const char *in, *want;
    } uk[] = {
        { "п'ятниця", "п'я-тни-ця" },
        { "м’ясо", "м’я-со" },
        { "девʼяти", "девʼя-ти" },
        { "Підгір’я", "Під-гір’я" },
        { "кав'ярень", "кав'я-рень" },
        { "сім’я", "сім’я" },                   /* сім'-я: the patterns' only point, beside it */
        { "обʼєкт", "обʼєкт" },
        { "п'ятдесят", "п'ят-де-сят" },
        { "будівництво", "бу-дів-ни-цтво" }, /* words without one as before */
    };
    for (size_t i = 0; i < sizeof uk / sizeof uk[0]; i++) {
        char *got = mark(uk[i].in, "uk", TS_HYPHENATE);
        for (char *p = got; *p; p++)
            if (*p == SHY[0])
                *p = '-';
        assert_string_equal(got, uk[i].want);
        free(got);
    }
    /* in running text too, and no soft hyphen ever touches an apostrophe */
    const char *text = "«Раніше м’ясо доводилося "
                       "везти додому», — розповіла "
                       "вона; її сім’я та п’ятеро "
                       "дітей переїхали в Підгір'я.";
    char *got = mark(text, "uk", TS_HYPHENATE);
    assert_non_null(strstr(got, "м’я" SHY "со"));      /* м’я-со */
    assert_non_null(strstr(got, "п’я" SHY "те" SHY "ро")); /* п’я-те-ро */
    for (const char *p = got; (p = strchr(p, SHY[0])); p++) {
        assert_false(p > got && p[-1] == '\'');
        assert_false(p[1] == '\'');
        assert_false(p >= got + 3 && (!memcmp(p - 3, APOS, 3) || !memcmp(p - 2, LETTER_APOS, 2)));
        assert_false(!memcmp(p + 1, APOS, 3) || !memcmp(p + 1, LETTER_APOS, 2));
    }
    free(got);
    /* French keeps its elisions apart: l'électricité is hyphenated as électricité */
    got = mark("l'électricité", "fr", TS_HYPHENATE);
    assert_non_null(strchr(got, SHY[0]));
    assert_true(strchr(got, SHY[0]) > strchr(got, '\''));
    free(got);
}

/* The Indic scripts are hyphenated between syllables with Debian's
 * patterns (hyphen-hi, -ml, -te...: hyph_ml_IN.dic, found by the
 * language alone): their words are long, and a narrow column of Malayalam
 * opened gaps of four spaces. Never before a vowel sign or other mark,
 * never after a virama or a joiner, so no conjunct is split; Bengali and
 * Kannada not at all (their parts would shape otherwise). */
static void test_typeset_hyphenates_indic_between_syllables(void **st)
{
    (void)st;
    static const struct {
        const char *lang, *in, *want;
    } w[] = {
        { "ml", "ബന്ധിപ്പിക്കുന്ന", "ബന്ധി-പ്പി-ക്കു-ന്ന" },
        { "ml", "വിദ്യാർത്ഥിനിയായ", "വി-ദ്യാർ-ത്ഥി-നി-യായ" },
        { "hi", "विद्यार्थियों", "वि-द्या-र्थि-यों" },
        { "te", "నిర్మాణానికి", "ని-ర్మా-ణా-నికి" },
        { "kn", "ತೋಟಗಾರಿಕೆ", "ತೋಟಗಾರಿಕೆ" }, /* Bengali and Kannada are left whole */
        { "bn", "পরিবেশের", "পরিবেশের" },
    };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        char *got = mark(w[i].in, w[i].lang, TS_HYPHENATE);
        for (char *p = got; *p; p++)
            if (*p == SHY[0])
                *p = '-';
        assert_string_equal(got, w[i].want);
        free(got);
    }
    /* every soft hyphen of the Indic samples, each in the language its
     * script gives (typeset_lang) */
    static const char *const files[] = { "samples/world/hi-nadi-pul.txt", "samples/world/ta-mazhai.txt",
                                         "samples/world2/gu-pustakalay.txt", "samples/world2/pa-mandi.txt",
                                         "samples/world2/te-vantena.txt", "samples/world2/ml-jalametro.txt" };
    static const char *const langs[] = { "hi", "ta", "gu", "pa", "te", "ml" };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        article_list_t arts = { 0 };
        const char *why;
        if (input_load(files[f], &arts, &why) < 1)
            fail_msg("%s: %s", files[f], why);
        assert_string_equal(typeset_lang(&arts.v[0]), langs[f]);
        size_t shy = 0;
        for (size_t b = 0; b < arts.v[0].nblocks; b++) {
            char *got = mark(arts.v[0].blocks[b].text, langs[f], TS_BREAKS | TS_HYPHENATE);
            for (const char *p = got; (p = strchr(p, SHY[0])); p++) {
                shy++;
                size_t k;
                uint32_t next = ink_utf8_next((const uint8_t *)p + 1, strlen(p + 1), &k);
                const char *q = p;
                while (q > got && ((unsigned char)q[-1] & 0xC0) == 0x80)
                    q--;
                uint32_t prev = ink_utf8_next((const uint8_t *)q - 1, (size_t)(p - q + 1), &k);
                if (ink_brk_extend(next) || (prev & 0x7F) == 0x4D || prev == 0x200D || prev == 0x200C)
                    fail_msg("%s: a soft hyphen between U+%04X and U+%04X", files[f], (unsigned)prev, (unsigned)next);
            }
            free(got);
        }
        if (shy < 3)
            fail_msg("%s: %zu soft hyphens", files[f], shy);
        article_list_free(&arts);
    }
}

/* ---- Liang's algorithm on TeX's own files, to check the conversion ---- */

#define LP_MAX 40
typedef struct lpat {
    uint32_t l[LP_MAX];
    uint8_t n, v[LP_MAX + 1];
} lpat_t;

static lpat_t *lp;
static int32_t *lph;
static size_t nlp, lphcap = 1u << 16;

static uint32_t lp_hash(const uint32_t *l, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ l[i]) * 16777619u;
    return h;
}

static const lpat_t *lp_find(const uint32_t *l, size_t n)
{
    for (size_t i = lp_hash(l, n) & (lphcap - 1);; i = (i + 1) & (lphcap - 1)) {
        if (lph[i] < 0)
            return NULL;
        if (lp[lph[i]].n == n && !memcmp(lp[lph[i]].l, l, n * sizeof *l))
            return &lp[lph[i]];
    }
}

/* One pattern ("2а1", ".ки8л") or, with exception set, one hyphenated word
 * ("ки-ло-грамм": 9 where it breaks, 8 elsewhere, as mk/texhyph.py makes). */
static void lp_add(const char *s, int exception)
{
    lpat_t q;
    memset(&q, 0, sizeof q);
    size_t len = strlen(s), k;
    if (exception)
        q.l[q.n++] = '.';
    for (size_t i = 0; i < len; i += k) {
        uint32_t c = ink_utf8_next((const uint8_t *)s + i, len - i, &k);
        if (exception && c == '-')
            q.v[q.n] = 9;
        else if (!exception && c >= '0' && c <= '9')
            q.v[q.n] = (uint8_t)(c - '0');
        else if (q.n < LP_MAX - 1) {
            if (exception && q.n > 1 && !q.v[q.n])
                q.v[q.n] = 8;
            q.l[q.n++] = c;
        }
    }
    if (exception)
        q.l[q.n++] = '.';
    lp[nlp] = q;
    for (size_t i = lp_hash(q.l, q.n) & (lphcap - 1);; i = (i + 1) & (lphcap - 1))
        if (lph[i] < 0) {
            lph[i] = (int32_t)nlp++;
            break;
        }
}

static size_t lp_load(const char *path, int exception)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char line[256];
    size_t n = 0;
    while (fgets(line, sizeof line, f) && nlp < lphcap / 2) {
        line[strcspn(line, "\r\n \t")] = '\0';
        if (line[0] && line[0] != '%') {
            lp_add(line, exception);
            n++;
        }
    }
    fclose(f);
    return n;
}

/* The word w[0..n) (code points) hyphenated by Liang's algorithm with the
 * patterns loaded, two letters kept each side, into out as UTF-8 with '-'. */
static void lp_hyphenate(const uint32_t *w, size_t n, char *out)
{
    uint32_t d[LP_MAX + 2];
    uint8_t v[LP_MAX + 3];
    memset(v, 0, sizeof v);
    d[0] = '.';
    memcpy(d + 1, w, n * sizeof *w);
    d[n + 1] = '.';
    for (size_t i = 0; i < n + 2; i++)
        for (size_t j = i + 1; j <= n + 2 && j - i < LP_MAX; j++) {
            const lpat_t *q = lp_find(d + i, j - i);
            if (q)
                for (size_t k = 0; k <= q->n; k++)
                    if (q->v[k] > v[i + k])
                        v[i + k] = q->v[k];
        }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i >= 2 && n - i >= 2 && (v[i + 1] & 1))
            out[o++] = '-';
        o += ink_utf8_put(out + o, w[i]);
    }
    out[o] = '\0';
}

/* TeX's patterns as libhyphen reads them after mk/texhyph.py find exactly
 * the points Liang's algorithm finds on TeX's own files (hyph-ru.pat.txt
 * and its exceptions, hyph-uk.pat.txt), for 20,000 made-up words of each
 * alphabet: the closure under substrings misses nothing. */
static void test_typeset_tex_patterns_match_liang(void **st)
{
    (void)st;
    static const struct {
        const char *lang, *pat, *hyp, *letters, *vowels;
    } langs[] = {
        { "ru", "hyph-ru.pat.txt", "hyph-ru.hyp.txt", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "аеёиоуыэюя" },
        { "uk", "hyph-uk.pat.txt", NULL, "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", "аеєиіїоуюя" },
    };
    /* $TEX_HYPH_DIR (make hands it down), else build/tex-hyph beside the
     * program's folder */
    char dir[600];
    const char *env = getenv("TEX_HYPH_DIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
    } else {
        ssize_t k = readlink("/proc/self/exe", dir, sizeof dir - 32);
        assert_true(k > 0);
        dir[k] = '\0';
        *strrchr(dir, '/') = '\0';
        strcat(dir, "/../tex-hyph");
    }
    for (size_t L = 0; L < sizeof langs / sizeof langs[0]; L++) {
        lp = calloc(lphcap / 2, sizeof *lp);
        lph = malloc(lphcap * sizeof *lph);
        assert_true(lp && lph);
        memset(lph, 0xff, lphcap * sizeof *lph);
        nlp = 0;
        char path[700];
        snprintf(path, sizeof path, "%s/%s", dir, langs[L].pat);
        if (lp_load(path, 0) < 1000)
            fail_msg("%s: TeX's patterns missing: run 'make deps'", path);
        if (langs[L].hyp) {
            snprintf(path, sizeof path, "%s/%s", dir, langs[L].hyp);
            assert_true(lp_load(path, 1) > 100);
        }
        uint32_t alpha[40], vow[16];
        size_t na = 0, nv = 0, len;
        for (size_t i = 0; langs[L].letters[i]; i += len)
            alpha[na++] = ink_utf8_next((const uint8_t *)langs[L].letters + i, 4, &len);
        for (size_t i = 0; langs[L].vowels[i]; i += len)
            vow[nv++] = ink_utf8_next((const uint8_t *)langs[L].vowels + i, 4, &len);
        uint32_t seed = 12345;
        size_t differ = 0, points = 0;
        for (int t = 0; t < 20000; t++) {
            uint32_t w[16];
            seed = seed * 1103515245u + 12345u;
            size_t n = 3 + (seed >> 16) % 12;
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                uint32_t r = seed >> 16;
                w[i] = r % 10 < 4 ? vow[(r / 10) % nv] : alpha[(r / 10) % na];
            }
            char utf[80], want[100];
            size_t o = 0;
            for (size_t i = 0; i < n; i++)
                o += ink_utf8_put(utf + o, w[i]);
            utf[o] = '\0';
            lp_hyphenate(w, n, want);
            char *got = mark(utf, langs[L].lang, TS_HYPHENATE);
            for (char *p = got; *p; p++)
                if (*p == SHY[0])
                    *p = '-', points++;
            if (strcmp(got, want) && differ++ < 5)
                print_message("%s: libhyphen %s, Liang %s\n", langs[L].lang, got, want);
            free(got);
        }
        free(lp);
        free(lph);
        assert_int_equal(differ, 0);
        assert_true(points > 10000);
    }
}

/* The Russian samples as a Russian reader checks a hyphenated text: no
 * break leaves a word's first letter alone on the line or carries its last
 * one over, and none falls before ь, ъ or й (they stay with the letter
 * before them). A one-letter syllable inside a word (ре-ги-о-наль-но-му)
 * is fine: either break around it leaves two letters or more each side. */
static void test_typeset_russian_samples_break_as_a_reader_expects(void **st)
{
    (void)st;
    static const char *const files[] = { "samples/world/ru-most-cherez-reku.txt",
                                         "samples/world/ru-teploseti-severogorska.txt" };
    size_t words = 0, breaks = 0;
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        FILE *fp = fopen(files[f], "rb");
        if (!fp)
            fail_msg("%s: cannot open (run the tests from the repository)", files[f]);
        static char text[65536];
        size_t len = fread(text, 1, sizeof text - 1, fp);
        fclose(fp);
        text[len] = '\0';
        char *got = mark(text, "ru", TS_HYPHENATE);
        /* Walk runs of Cyrillic letters (two-byte UTF-8, lead 0xD0/0xD1)
         * with soft hyphens inside. */
        for (const unsigned char *p = (const unsigned char *)got; *p;) {
            if (*p != 0xD0 && *p != 0xD1) {
                p++;
                continue;
            }
            size_t letters = 0, last = 0;
            int hyphenated = 0;
            for (; *p == 0xD0 || *p == 0xD1 || *p == (unsigned char)SHY[0];) {
                if (*p == (unsigned char)SHY[0]) {
                    if (!hyphenated)
                        assert_true(letters >= 2); /* nothing left alone on the line */
                    last = letters;
                    hyphenated = 1;
                    breaks++;
                    /* ь ъ й do not start a line */
                    assert_false(p[1] == 0xD1 && p[2] == 0x8C);
                    assert_false(p[1] == 0xD1 && p[2] == 0x8A);
                    assert_false(p[1] == 0xD0 && p[2] == 0xB9);
                    p++;
                    continue;
                }
                letters++;
                p += 2;
            }
            if (hyphenated)
                assert_true(letters - last >= 2); /* nor carried over */
            words++;
        }
        free(got);
    }
    assert_true(words > 800);
    assert_true(breaks > 600);
}

/* A flag (two regional indicators) in a caption: libunibreak 1.1 aborts on
 * them; the packer sets them as one unbreakable pair. */
static void test_typeset_survives_flags(void **st)
{
    (void)st;
    expect("Souda Bay, Chania \xf0\x9f\x87\xac\xf0\x9f\x87\xb7", "de", TS_BREAKS,
           "Souda Bay, Chania \xf0\x9f\x87\xac\xf0\x9f\x87\xb7");
    expect("\xf0\x9f\x87\xac\xf0\x9f\x87\xb7\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", NULL, TS_BREAKS,
           "\xf0\x9f\x87\xac\xf0\x9f\x87\xb7" ZWSP "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");
}


/* German, Dutch, Russian... hyphenate the parts of a hyphenated compound;
 * English keeps such words whole, as before. German and Russian carry two
 * letters over. */
static void test_typeset_hyphenates_compound_parts(void **st)
{
    (void)st;
    expect("Robert-Koch-Instituts", "de", TS_HYPHENATE, "Ro" SHY "bert-Koch-In" SHY "sti" SHY "tuts");
    expect("long-running", "en-US", TS_HYPHENATE, "long-running");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typeset_hyphenates_english_by_default),
        cmocka_unit_test(test_typeset_keeps_numbers_with_units_and_dates),
        cmocka_unit_test(test_typeset_hyphenates_german_french_spanish),
        cmocka_unit_test(test_typeset_remembers_words_per_language),
        cmocka_unit_test(test_typeset_keeps_two_letters_before_three_after),
        cmocka_unit_test(test_typeset_leaves_numbers_urls_acronyms_and_compounds),
        cmocka_unit_test(test_typeset_marks_uax14_breaks_for_the_device_rule),
        cmocka_unit_test(test_typeset_linebreaks_as_libunibreak),
        cmocka_unit_test(test_typeset_keeps_style_codes_in_place),
        cmocka_unit_test(test_typeset_unhint_gives_back_the_clean_text),
        cmocka_unit_test(test_typeset_article_copies_and_marks),
        cmocka_unit_test(test_typeset_cjk_thai_korean_marks),
        cmocka_unit_test(test_typeset_survives_flags),
        cmocka_unit_test(test_typeset_hyphenates_compound_parts),
        cmocka_unit_test(test_typeset_hyphenates_in_one_byte_charsets),
        cmocka_unit_test(test_typeset_hyphenates_russian_with_tex_patterns),
        cmocka_unit_test(test_typeset_hyphenates_ukrainian_apostrophe_words_whole),
        cmocka_unit_test(test_typeset_hyphenates_indic_between_syllables),
        cmocka_unit_test(test_typeset_tex_patterns_match_liang),
        cmocka_unit_test(test_typeset_russian_samples_break_as_a_reader_expects),
        cmocka_unit_test(test_typeset_guesses_the_language_from_the_script),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

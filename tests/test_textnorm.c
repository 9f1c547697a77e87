/* SPDX-License-Identifier: MIT */
/* test_textnorm.c: text normalisation (NFC, typography, white space,
 * invisible characters, inline style codes) and article dedup. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "dedup.h"
#include "textnorm.h"

static void expect(const char *in, unsigned flags, const char *want)
{
    char *o = textnorm(in, strlen(in), flags, NULL);
    assert_non_null(o);
    assert_string_equal(o, want);
    free(o);
}

static void test_textnorm_nfc_composes_latin_greek_cyrillic(void **state)
{
    (void)state;
    expect("Jose\xcc\x81 Mu\xcc\x88ller", 0, "Jos\xc3\xa9 M\xc3\xbcller");
    expect("\xce\xb1\xcc\x81", 0, "\xce\xac");          /* alpha + acute -> U+03AC */
    expect("\xd0\xb8\xcc\x86", 0, "\xd0\xb9");          /* i + breve -> short i */
    expect("x\xcc\x81", 0, "x\xcc\x81");                /* nothing to compose */
    assert_int_equal(textnorm_compose('A', 0x30A), 0xC5);
}

static void test_textnorm_nfc_decomposes_nukta_letters(void **state)
{
    (void)state;
    /* NFC writes a letter with a nukta (a composition exclusion) as the
     * letter and the sign: Bengali U+09DF as U+09AF U+09BC, Devanagari
     * U+0958 as U+0915 U+093C, Gurmukhi U+0A5E as U+0A2B U+0A3C; a text
     * already so written stays. */
    expect("\xe0\xa6\x95\xe0\xa7\x9f\xe0\xa6\xbe", 0, "\xe0\xa6\x95\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa6\xbe");
    expect("\xe0\xa5\x98\xe0\xa4\xbe", 0, "\xe0\xa4\x95\xe0\xa4\xbc\xe0\xa4\xbe");
    expect("\xe0\xa9\x9e", 0, "\xe0\xa8\xab\xe0\xa8\xbc");
    expect("\xe0\xa6\xaf\xe0\xa6\xbc", 0, "\xe0\xa6\xaf\xe0\xa6\xbc");
}

static void test_textnorm_typography(void **state)
{
    (void)state;
    expect("\"Yes,\" she said - 'it's done'...", TN_TYPO | TN_DASH,
           "\xe2\x80\x9cYes,\xe2\x80\x9d she said \xe2\x80\x93 \xe2\x80\x98it\xe2\x80\x99s done\xe2\x80\x99\xe2\x80\xa6");
    expect("well--known", TN_DASH, "well\xe2\x80\x94known");
    expect("a - b", 0, "a - b"); /* without flags nothing typographic happens */
}

static void test_textnorm_space_and_invisibles(void **state)
{
    (void)state;
    expect("  a\t\n b\xe2\x80\x8b c\xc2\xad d\x01 \xe2\x80\x83 e  ", 0, "a b c d e");
    expect("x\xc2\xa0y", 0, "x\xc2\xa0y"); /* no-break space kept */
    /* ... between words only: a spacer paragraph of &nbsp; is empty, and
     * the no-break spaces at a text's edges go (with a style left empty) */
    expect("\xc2\xa0", 0, "");
    expect(" \xc2\xa0 \xe2\x80\xaf", 0, "");
    expect("\xc2\xa0" "Crime?\xc2\xa0", 0, "Crime?");
    expect("a \xc2\xa0", 0, "a");
    expect("\x12" "a\x13\xc2\xa0", TN_STYLE, "\x12" "a\x13");
    expect("a \x12\xc2\xa0\x13", TN_STYLE, "a");
    expect("10\xc2\xa0km\xe2\x80\x87", 0, "10\xc2\xa0km");
    /* invalid UTF-8 read as Windows-1252 */
    expect("caf\xe9 \x93q\x94", 0, "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d");
}

static void test_textnorm_style_codes(void **state)
{
    (void)state;
    expect("a \x10" "b\x11 c", TN_STYLE, "a \x10" "b\x11 c");
    expect("a \x10\x11 c", TN_STYLE, "a c");            /* empty pair dropped */
    expect("a\x10 b\x11", TN_STYLE, "a \x10" "b\x11");  /* space moves outside */
    expect("a \x10" "b\x11", 0, "a b");                 /* without the flag: dropped */
}

/* textnorm_article takes each block the page gave (html_emit, TN_STYLE
 * alone) through textnorm again with the typography; the second pass
 * still cleans what the first left or cannot see: a mark left after an
 * empty style pair, a Windows-1252 byte, spaces twice, at the end or
 * inside a style, no-break spaces at the ends, an "on" code at the end, a
 * letter with a nukta. */
static void test_textnorm_typography_over_normal_text(void **state)
{
    (void)state;
    const unsigned f = TN_TYPO | TN_DASH | TN_STYLE;
    expect("It's a well-known \x10" "fact\x11.", f, "It\xe2\x80\x99s a well-known \x10" "fact\x11.");
    expect("e\x10\x11\xcc\x81", TN_STYLE, "e\xcc\x81"); /* no mark composes across the pair */
    expect("e\xcc\x81", f, "\xc3\xa9");                    /* but the second pass composes it */
    expect("e \xcc\x81", f, "e \xcc\x81");
    expect("caf\xe9 au lait", f, "caf\xc3\xa9 au lait");
    expect("a  b ", f, "a b");
    expect("a\x10 b\x11", f, "a \x10" "b\x11");
    expect("x \x11y", f, "x\x11 y");
    expect("a\xc2\xa0", f, "a");
    expect("\x10\xc2\xa0x\x11", f, "\x10x\x11");
    expect("a\x10", f, "a");
    expect("\xe0\xa5\x98", f, "\xe0\xa4\x95\xe0\xa4\xbc");
}

/* textnorm_lang with TN_TYPO | TN_DASH in lang */
static void expect_lang(const char *in, const char *lang, const char *want)
{
    char *o = textnorm_lang(in, strlen(in), TN_TYPO | TN_DASH | TN_STYLE, lang, NULL);
    assert_non_null(o);
    assert_string_equal(o, want);
    /* a second pass changes nothing: typographic text keeps its quotes */
    char *o2 = textnorm_lang(o, strlen(o), TN_TYPO | TN_DASH | TN_STYLE, lang, NULL);
    assert_non_null(o2);
    assert_string_equal(o2, want);
    free(o2);
    free(o);
}

#define LDQ "\xe2\x80\x9c"
#define RDQ "\xe2\x80\x9d"
#define LSQ "\xe2\x80\x98"
#define RSQ "\xe2\x80\x99"
#define LOW9 "\xe2\x80\x9e"
#define LOW9S "\xe2\x80\x9a"
#define LAQ "\xc2\xab"
#define RAQ "\xc2\xbb"
#define NNBSP "\xe2\x80\xaf"
#define PRIME "\xe2\x80\xb2"
#define DPRIME "\xe2\x80\xb3"
#define NDASH "\xe2\x80\x93"
#define MDASH "\xe2\x80\x94"
#define ELL "\xe2\x80\xa6"

static void test_textnorm_apostrophes_at_word_start(void **state)
{
    (void)state;
    expect_lang("the '90s and '05", "en", "the " RSQ "90s and " RSQ "05");
    expect_lang("tell 'em, rock 'n' roll 'til dawn", "en", "tell " RSQ "em, rock " RSQ "n" RSQ " roll " RSQ "til dawn");
    expect_lang("Russia's O'Brien rock'n'roll", "en", "Russia" RSQ "s O" RSQ "Brien rock" RSQ "n" RSQ "roll");
    /* a plural possessive: no quote is open, so an apostrophe */
    expect_lang("the teachers' pay", "en", "the teachers" RSQ " pay");
    /* German: the apostrophe is not the closing quote */
    expect_lang("Peters' Hund", "de", "Peters" RSQ " Hund");
}

static void test_textnorm_nested_quotes_and_context(void **state)
{
    (void)state;
    expect_lang("\"He said 'no' today,\" she said.", "en",
                LDQ "He said " LSQ "no" RSQ " today," RDQ " she said.");
    /* straight double quotes inside straight double quotes: the inner pair is single */
    expect_lang("\"He said \"no\" today\"", "en", LDQ "He said " LSQ "no" RSQ " today" RDQ);
    /* after brackets and dashes a quote opens; before them it closes */
    expect_lang("(\"Quoted\") and [\"x\" y] a--\"b\"", "en",
                "(" LDQ "Quoted" RDQ ") and [" LDQ "x" RDQ " y] a" MDASH LDQ "b" RDQ);
    expect_lang("\"Yes\"--\"No\"", "en", LDQ "Yes" RDQ MDASH LDQ "No" RDQ);
    /* across an italic switch */
    expect_lang("\x10\"Title\"\x11 said", "en", "\x10" LDQ "Title" RDQ "\x11 said");
}

static void test_textnorm_primes_after_digits(void **state)
{
    (void)state;
    expect_lang("He is 5'11\" tall", "en", "He is 5" PRIME "11" DPRIME " tall");
    expect_lang("a 12\" record and a 6' wall", "en", "a 12" DPRIME " record and a 6" PRIME " wall");
    /* a quote open before the number: the closing quote */
    expect_lang("\"They won 3\" he said", "en", LDQ "They won 3" RDQ " he said");
}

static void test_textnorm_code_and_addresses_left_alone(void **state)
{
    (void)state;
    expect_lang("see http://a.org/x--y?q=\"1\"... now", "en", "see http://a.org/x--y?q=\"1\"... now");
    expect_lang("(\"www.bbc.co.uk\")", "en", "(" LDQ "www.bbc.co.uk" RDQ ")");
    expect_lang("call print('hi there') or x=\"y\" and a['k']", "en",
                "call print('hi there') or x=\"y\" and a['k']");
    expect_lang("mail me at jo.o'neil@example.com today", "en", "mail me at jo.o'neil@example.com today");
    expect_lang("run `make 'x'` now", "en", "run `make 'x'` now");
    /* a lone backtick opening a word is a typewriter's quote, not code */
    expect_lang("I said, `Don't go back to the ranch',\" she said", "en",
                "I said, " LSQ "Don" RSQ "t go back to the ranch" RSQ "," RDQ " she said");
    size_t code = 9;
    assert_int_equal(textnorm_straight_quotes("x=\"y\" \"z\" it's", 15, &code), 5);
    assert_int_equal(code, 2);
    /* the packer's marks count as what they stand for */
    assert_int_equal(textnorm_straight_quotes("\x02\"a\x14" "b\"", 7, &code), 2);
    assert_int_equal(code, 0);
}

static void test_textnorm_dashes_and_ellipsis(void **state)
{
    (void)state;
    expect_lang("won 2-1 in 2004-05 - and then...", "en", "won 2" NDASH "1 in 2004" NDASH "05 " NDASH " and then" ELL);
    /* not ranges: a phone number, a date, a name with a number */
    expect_lang("call 555-123-4567 on 2004-05-01 about Covid-19 or F-16s", "en",
                "call 555-123-4567 on 2004-05-01 about Covid-19 or F-16s");
    expect_lang("wait . . . no", "en", "wait " ELL " no");
    expect_lang("a  -  b", "en", "a " NDASH " b"); /* double spaces go first */
}

static void test_textnorm_quotes_by_language(void **state)
{
    (void)state;
    expect_lang("He said \"yes\" and 'no'", "en", "He said " LDQ "yes" RDQ " and " LSQ "no" RSQ);
    expect_lang("Er sagte \"ja, 'gut'\"", "de", "Er sagte " LOW9 "ja, " LOW9S "gut\xe2\x80\x98\xe2\x80\x9c");
    expect_lang("Er sagte \"ja\"", "de-CH", "Er sagte " LAQ "ja" RAQ);
    expect_lang("Il a dit \"oui\" ; puis: \"non!\"", "fr",
                "Il a dit " LAQ NNBSP "oui" NNBSP RAQ NNBSP "; puis" NNBSP ": " LAQ NNBSP "non" NNBSP "!" NNBSP RAQ);
    /* French guillemets already there get their thin spaces; 10:30 and URLs keep theirs */
    expect_lang("\xc2\xab oui \xc2\xbb et \xc2\xabnon\xc2\xbb \xc3\xa0 10:30 sur http://a.fr?x", "fr",
                LAQ NNBSP "oui" NNBSP RAQ " et " LAQ NNBSP "non" NNBSP RAQ " \xc3\xa0 10:30 sur http://a.fr?x");
    expect_lang("C'est \"vrai\"", "fr-CA", "C" RSQ "est " LAQ NNBSP "vrai" NNBSP RAQ);
    expect_lang("\xd0\x9e\xd0\xbd \"\xd0\xb4\xd0\xb0\"", "ru", "\xd0\x9e\xd0\xbd " LAQ "\xd0\xb4\xd0\xb0" RAQ);
    /* Japanese: no spaces, so quotes open and close in turn; 「」 kept */
    expect_lang("\xe5\xbd\xbc\xe3\x81\xaf\"\xe3\x81\xaf\xe3\x81\x84\"\xe3\x81\xa8", "ja",
                "\xe5\xbd\xbc\xe3\x81\xaf\xe3\x80\x8c\xe3\x81\xaf\xe3\x81\x84\xe3\x80\x8d\xe3\x81\xa8");
    expect_lang("\xe3\x80\x8c\xe3\x81\xaf\xe3\x81\x84\xe3\x80\x8d", "ja", "\xe3\x80\x8c\xe3\x81\xaf\xe3\x81\x84\xe3\x80\x8d");
    /* right to left: „…” in Hebrew, «…» in Arabic and Persian */
    expect_lang("\"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\"", "he", LOW9 "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" RDQ);
    expect_lang("\"\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85\"", "ar", LAQ "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85" RAQ);
    /* typographic quotes a text has are kept, in any language */
    expect_lang(LDQ "quoted" RDQ " and " LOW9 "zitiert" LDQ, "de", LDQ "quoted" RDQ " and " LOW9 "zitiert" LDQ);
    expect_lang(LDQ "cit\xc3\xa9" RDQ, "fr", LDQ "cit\xc3\xa9" RDQ);
}

static void test_textnorm_guesses_language(void **state)
{
    (void)state;
    const char *en = "The minister said that the plan was ready and that it would be published with the budget.";
    const char *de = "Der Minister sagte, dass der Plan fertig ist und mit dem Haushalt auch veröffentlicht wird.";
    const char *fr = "Le ministre a dit que le plan est prêt et qu'il sera publié avec le budget dans les jours.";
    const char *es = "El ministro dijo que el plan está listo y que se publicará con los presupuestos del año.";
    const char *ru = "\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80 \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb, "
                     "\xd1\x87\xd1\x82\xd0\xbe \xd0\xbf\xd0\xbb\xd0\xb0\xd0\xbd \xd0\xb3\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2.";
    assert_string_equal(textnorm_guess_lang(en, strlen(en)), "en");
    assert_string_equal(textnorm_guess_lang(de, strlen(de)), "de");
    assert_string_equal(textnorm_guess_lang(fr, strlen(fr)), "fr");
    assert_string_equal(textnorm_guess_lang(es, strlen(es)), "es");
    assert_string_equal(textnorm_guess_lang(ru, strlen(ru)), "ru");
    assert_null(textnorm_guess_lang("Hello", 5));
    /* Cyrillic: Ukrainian by і ї є ґ, Belarusian by ў, else Russian (a
     * Ukrainian article was set with Russian patterns and quotes) */
    const char *uk = "Будівництво павільйону тривало п'ять місяців і коштувало громаді дев'ять мільйонів.";
    const char *be = "Новы мост праз раку адкрылі ў пятніцу, і жыхары ўжо ездзяць па ім у горад.";
    const char *ru2 = "Строительство моста заняло три года и обошлось бюджету в два миллиарда рублей.";
    assert_string_equal(textnorm_guess_lang(uk, strlen(uk)), "uk");
    assert_string_equal(textnorm_guess_lang(be, strlen(be)), "be");
    assert_string_equal(textnorm_guess_lang(ru2, strlen(ru2)), "ru");
    /* right-to-left scripts: Hebrew, Arabic, and Persian by its own letters */
    const char *he = "קו הרכבת החדש לצפון נפתח הבוקר לנוסעים, לאחר שבע שנות עבודה.";
    const char *ar = "افتتحت المدينة اليوم جسرا جديدا فوق النهر بعد ثلاث سنوات من العمل.";
    const char *fa = "پل تازه روی رودخانه امروز باز شد و کشاورزان گفتند که راه کوتاه‌تر شده است.";
    assert_string_equal(textnorm_guess_lang(he, strlen(he)), "he");
    assert_string_equal(textnorm_guess_lang(ar, strlen(ar)), "ar");
    assert_string_equal(textnorm_guess_lang(fa, strlen(fa)), "fa");
    /* Latin and Italian are not taken for French or Spanish */
    const char *la = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut "
                     "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris "
                     "nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate.";
    const char *it = "Il ministro ha detto che il piano non sono pronto per la fine della settimana, e anche gli altri.";
    assert_null(textnorm_guess_lang(la, strlen(la)));
    assert_null(textnorm_guess_lang(it, strlen(it)));
    assert_null(textnorm_guess_lang("Zebra quartz vexing jumps; blocky fjords.", 41));
}

static void test_textnorm_article_every_field(void **state)
{
    (void)state;
    article_t a = { 0 };
    a.title = strdup("Russia's \"big\" vote");
    a.byline = strdup("By Sean O'Neil");
    const char *body = "\"It's over,\" he said - and the crowd left the hall with the band.";
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, body, strlen(body)), 0);
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, "  ", 2), 0);
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, "\xc2\xa0", 2), 0);
    assert_int_equal(textnorm_article(&a), 0);
    assert_string_equal(a.lang, "en");
    assert_string_equal(a.title, "Russia" RSQ "s " LDQ "big" RDQ " vote");
    assert_string_equal(a.byline, "By Sean O" RSQ "Neil");
    assert_int_equal(a.nblocks, 1); /* the blank blocks are gone */
    assert_string_equal(a.blocks[0].text, LDQ "It" RSQ "s over," RDQ " he said " NDASH " and the crowd left the hall with the band.");
    article_free(&a);
    /* a language the page gave wins over the guess */
    a.title = strdup("\"Titel\"");
    a.lang = strdup("de");
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, body, strlen(body)), 0);
    assert_int_equal(textnorm_article(&a), 0);
    assert_string_equal(a.title, LOW9 "Titel" LDQ);
    article_free(&a);
}

/* textnorm_glued at the first space of s */
static int glued(const char *s)
{
    uint32_t c[128];
    size_t n = 0, at = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; u[i] && n < 128;) {
        size_t k = ink_utf8_len(u + i, strlen(s) - i);
        uint32_t cp = k == 1 ? u[i] : k == 2 ? (u[i] & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu)
                    : (u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu);
        if (cp == ' ' && !at)
            at = n;
        c[n++] = cp;
        i += k;
    }
    return textnorm_glued(c, n, at);
}

static void test_textnorm_glue_numbers_units_dates(void **state)
{
    (void)state;
    assert_true(glued("\xc2\xa3" "5 m deal"));
    assert_true(glued("10 % rise"));
    assert_true(glued("3.5 km."));
    assert_true(glued("(20 kg)"));
    assert_true(glued("\xe2\x82\xac 5"));
    assert_true(glued("26 Aug"));
    assert_true(glued("26th August,"));
    assert_true(glued("26. August"));
    assert_true(glued("26 ao\xc3\xbbt"));
    assert_true(glued("Aug 26,"));
    assert_true(glued("August 2004."));
    assert_false(glued("72 hours"));
    assert_false(glued("5 men"));
    assert_false(glued("32 Aug"));
    assert_false(glued("the m"));
    assert_false(glued("May I"));
}

static void add(article_list_t *l, const char *title, const char *body)
{
    article_t *a = article_list_add(l);
    assert_non_null(a);
    a->title = strdup(title);
    assert_int_equal(article_add_block(a, ARTICLE_BLOCK_PARA, body, strlen(body)), 0);
}

static void test_dedup_same_article_packed_once(void **state)
{
    (void)state;
    article_list_t l = { 0 };
    const char *body = "The council voted on Tuesday to close the old market hall for repairs that will take "
                       "at least two years, and traders will move to a temporary site by the river.";
    add(&l, "Market hall to close | City News", body);
    add(&l, "Something else entirely", "Rain is expected over the weekend across the north of the country, "
                                        "with strong winds on the coast and snow on high ground.");
    /* the same story from a feed: other title, style codes, other case */
    add(&l, "Market hall to close", "THE council voted on \x10Tuesday\x11 to close the old market hall for repairs "
                                    "that will take at least two years, and traders will move to a temporary "
                                    "site by the river.");
    add(&l, "Short", "Too short");
    add(&l, "Short", "Too short.");
    assert_int_equal(dedup_articles(&l), 2);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0].title, "Market hall to close | City News");
    assert_string_equal(l.v[1].title, "Something else entirely");
    assert_string_equal(l.v[2].title, "Short");
    article_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textnorm_nfc_composes_latin_greek_cyrillic),
        cmocka_unit_test(test_textnorm_nfc_decomposes_nukta_letters),
        cmocka_unit_test(test_textnorm_typography),
        cmocka_unit_test(test_textnorm_space_and_invisibles),
        cmocka_unit_test(test_textnorm_style_codes),
        cmocka_unit_test(test_textnorm_typography_over_normal_text),
        cmocka_unit_test(test_textnorm_apostrophes_at_word_start),
        cmocka_unit_test(test_textnorm_nested_quotes_and_context),
        cmocka_unit_test(test_textnorm_primes_after_digits),
        cmocka_unit_test(test_textnorm_code_and_addresses_left_alone),
        cmocka_unit_test(test_textnorm_dashes_and_ellipsis),
        cmocka_unit_test(test_textnorm_quotes_by_language),
        cmocka_unit_test(test_textnorm_guesses_language),
        cmocka_unit_test(test_textnorm_article_every_field),
        cmocka_unit_test(test_textnorm_glue_numbers_units_dates),
        cmocka_unit_test(test_dedup_same_article_packed_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

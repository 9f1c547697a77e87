/* SPDX-License-Identifier: MIT */
/* test_clean.c: unit tests for the text-scrape cleaner and the JSON writer.
 * The seed test reads ../shared/data (or $INK_SHARED_DATA) and is skipped
 * when that is absent; the rest use inline inputs. Run from the repo root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "clean.h"
#include "json.h"

#define SEED_FILE "seed/000_eba5eda4a60b2e3f.txt"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, k;
    char *b = malloc(cap);
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static int body_has(const article_t *a, const char *needle)
{
    for (size_t i = 0; i < a->nblocks; i++)
        if (strstr(a->blocks[i].text, needle))
            return 1;
    return 0;
}

static void clean_ok(const char *s, article_t *a)
{
    const char *why = NULL;
    int rc = clean_scrape(s, strlen(s), a, &why);
    if (rc != 0)
        fail_msg("clean_scrape refused: %s", why ? why : "(no reason)");
    assert_non_null(a->title);
}

/* The gold for the seed, as in seed/gold.json. */
static const char *const seed_body[] = {
    "Russia's military cooperation with Iran will not succumb to geopolitical pressure, Russian "
    "Deputy Foreign Minister Sergei Ryabkov said, following a report that Washington has asked "
    "Teheran to stop selling drones to Moscow.",
    "\"There are no changes, and cooperation with Iran will continue,\" Ryabkov said, according "
    "to a report on Saturday from Russian state news agency RIA. \"We are independent states and "
    "do not succumb to the dictates of the United States and its satellites.\"",
    "The U.S. is pressing Iran to stop selling the armed drones, which Russia is using in the war "
    "in Ukraine, the Financial Times reported this month, citing an Iranian official and another "
    "person familiar with the talks.",
    "Iran has acknowledged sending drones to Russia but said in the past they were sent before "
    "Russia's February 2022 invasion in Ukraine. Moscow has denied its forces used Iranian "
    "drones in Ukraine.",
    "Meanwhile, Iranian defence ministry spokesperson Reza Talaei-Nik said: \"None of the "
    "transactions (regarding drones) that we have had ... with other countries, such as Russia, "
    "have been cancelled,\" Iranian state media reported on Saturday.",
    "Talaei-Nik also said several unnamed \"Western and European countries\" were interested in "
    "acquiring Iranian drones.",
    "Russia began using the Iranian-made Shahed drones to attack deep inside Ukraine last year. "
    "The so-called kamikaze unmanned drones do not need a runway to launch and explode on impact.",
    "A White House official said in June that Iran had transferred several hundred drones to "
    "Russia since August 2022.",
};

static const char *const seed_junk[] = {
    "SHARE THIS ARTICLE ON", "Get Latest World News", "Pic Source", "Join Hindustan Times",
    "Sign out", "HindustanTimes", "Live Score", "OPEN APP", "Edit Profile", "New Delhi 0C",
    "Subscribe Now", "Register Free", "UKRAINE-CRISIS-RUSSIA-IRAN", "Reuters |", "07:17 PM IST",
};

/* s with typographic quotes, dashes and ellipses made plain again, as the
 * seed's gold writes them; malloc'd. */
static char *plain_typo(const char *s)
{
    char *o = malloc(strlen(s) + 1), *w = o;
    assert_non_null(o);
    while (*s) {
        const unsigned char *u = (const unsigned char *)s;
        if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x99))
            *w++ = '\'', s += 3;
        else if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9D))
            *w++ = '"', s += 3;
        else if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
            *w++ = '-', s += 3;
        else if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA6)
            memcpy(w, "...", 3), w += 3, s += 3;
        else
            *w++ = *s++;
    }
    *w = '\0';
    return o;
}

static void test_clean_seed_matches_gold(void **state)
{
    (void)state;
    const char *dir = getenv("INK_SHARED_DATA");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "../shared/data", SEED_FILE);
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) {
        print_message("seed not found at %s (set INK_SHARED_DATA); skipping\n", path);
        skip();
        return;
    }
    article_t a = {0};
    const char *why = NULL;
    int rc = clean_scrape(buf, len, &a, &why);
    free(buf);
    assert_int_equal(rc, 0);
    assert_string_equal(a.title,
                        "Russia\u2019s military ties with Iran will withstand geopolitical pressure");
    assert_string_equal(a.date, "2023-08-26");
    assert_string_equal(a.section, "World News");
    assert_string_equal(a.source, "Reuters");
    assert_int_equal(a.nblocks, sizeof seed_body / sizeof *seed_body);
    for (size_t i = 0; i < a.nblocks; i++) {
        assert_int_equal(a.blocks[i].kind, ARTICLE_BLOCK_PARA);
        char *plain = plain_typo(a.blocks[i].text);
        assert_string_equal(plain, seed_body[i]);
        free(plain);
    }
    for (size_t i = 0; i < sizeof seed_junk / sizeof *seed_junk; i++)
        if (body_has(&a, seed_junk[i]))
            fail_msg("boilerplate kept: %s", seed_junk[i]);
    article_free(&a);
}

/* A scrape with menus, a repeated headline and no header line. */
static const char scrape_no_header[] =
    "Home\nWorld\nBusiness\nSport\nSign in\n"
    "Harbour bridge reopens after six months of repairs\n"
    "By Jane Doe\n"
    "Share on Facebook\nShare on Twitter\n"
    "Harbour bridge reopens after six months of repairs\n"
    "The city's main harbour bridge reopened to traffic on Monday after six months of repairs "
    "that cost more than the council had planned.\n"
    "Engineers found that the cables were in better shape than expected, but the deck needed "
    "to be replaced in full, which took longer than the original estimate.\n"
    "Drivers said the detours had added an hour to their daily commute, and many shops near "
    "the bridge reported a sharp drop in trade during the works.\n"
    "Most read\nWeather\nContact us\n\xc2\xa9 2024 Example Media. All rights reserved.\n";

/* A scrape whose share box's label stands twice before the text, once
 * between the headline and the text: the headline, whose words the text
 * uses, is picked, not the label that the page repeats. */
static void test_clean_title_over_a_repeated_share_label(void **state)
{
    (void)state;
    const char s[] =
        "Home\nWorld\nBusiness\nSport\nSign in\n"
        "Show more sharing options\nClose extra sharing options\n"
        "As the harbour bridge reopens, the council counts the cost of its repairs\n"
        "Show more sharing options\nClose extra sharing options\n"
        "The city's main harbour bridge reopened to traffic on Monday after six months of repairs "
        "that cost the council more than it had planned.\n"
        "Engineers found that the cables were in better shape than expected, but the deck needed "
        "to be replaced in full, which took longer than the original estimate.\n"
        "Drivers said the detours had added an hour to their daily commute, and many shops near "
        "the bridge reported a sharp drop in trade during the works.\n"
        "Most read\nWeather\nContact us\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "As the harbour bridge reopens, the council counts the cost of its repairs");
    article_free(&a);
}

static void test_clean_title_without_header(void **state)
{
    (void)state;
    article_t a = {0};
    clean_ok(scrape_no_header, &a);
    assert_string_equal(a.title, "Harbour bridge reopens after six months of repairs");
    assert_null(a.date);
    assert_int_equal(a.nblocks, 3);
    /* a scrape: the apostrophe comes out typographic */
    assert_true(strncmp(a.blocks[0].text, "The city\xe2\x80\x99s main harbour bridge", 32) == 0);
    assert_false(body_has(&a, "Harbour bridge reopens"));
    assert_false(body_has(&a, "Share on"));
    assert_false(body_has(&a, "All rights reserved"));
    assert_string_equal(a.byline, "Jane Doe");
    article_free(&a);
}

static void test_clean_latin1_decoded(void **state)
{
    (void)state;
    /* "Café prices rise" / "£5" in Latin-1, plus a Windows-1252 curly quote. */
    const char in[] = "Caf\xe9 prices rise\n\n"
                      "A cup of coffee now costs \xa3" "5 in the city centre, the caf\xe9 owners "
                      "said on Tuesday, and they expect prices to rise again next year.\n\n"
                      "The owners\x92 association blamed the cost of beans and rent for the "
                      "increase, which is the third this year.\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.title, "Caf\xc3\xa9 prices rise");
    assert_int_equal(a.nblocks, 2);
    assert_non_null(strstr(a.blocks[0].text, "costs \xc2\xa3" "5 in"));
    assert_non_null(strstr(a.blocks[1].text, "owners\xe2\x80\x99 association"));
    article_free(&a);
}

static void test_clean_utf8_kept_bom_and_controls_removed(void **state)
{
    (void)state;
    const char in[] = "\xef\xbb\xbf" "Z\xc3\xbcrich  \t votes\r\n\r\n"
                      "Voters in Z\xc3\xbcrich   approved\xe2\x80\x8b the new tram line on "
                      "Sunday,\x07 with a clear majority in every district of the city.\r\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.title, "Z\xc3\xbcrich votes");
    assert_int_equal(a.nblocks, 1);
    assert_string_equal(a.blocks[0].text,
                        "Voters in Z\xc3\xbcrich approved the new tram line on Sunday, with a "
                        "clear majority in every district of the city.");
    article_free(&a);
}

static void test_clean_refuses_empty_and_binary(void **state)
{
    (void)state;
    article_t a = {0};
    const char *why = NULL;
    assert_int_not_equal(clean_scrape("", 0, &a, &why), 0);
    assert_string_equal(why, "empty file");
    assert_null(a.title);

    why = NULL;
    assert_int_not_equal(clean_scrape(" \n\t\r\n  ", 8, &a, &why), 0);
    assert_non_null(why);

    unsigned char bin[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof bin; i++) {
        x = x * 1103515245u + 12345u;
        bin[i] = (unsigned char)(x >> 16);
    }
    bin[10] = 0;
    why = NULL;
    assert_int_not_equal(clean_scrape((const char *)bin, sizeof bin, &a, &why), 0);
    assert_non_null(why);
    assert_non_null(strstr(why, "binary"));
    assert_null(a.blocks);

    /* chrome only: nothing to read */
    const char menu[] = "Home\nSign in\nSubscribe\nShare on Facebook\n"
                        "\xc2\xa9 2024 Example Media. All rights reserved.\n";
    why = NULL;
    assert_int_not_equal(clean_scrape(menu, strlen(menu), &a, &why), 0);
    assert_string_equal(why, "no article text found");
}

static void test_clean_survives_odd_bytes(void **state)
{
    (void)state;
    /* Every byte value, long lines, lone CRs: must return without crashing. */
    size_t n = 200000;
    char *b = malloc(n);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++)
        b[i] = (char)(i % 7 == 0 ? 'a' + (i % 26) : (i * 131) % 256 == 0 ? 1 : (i * 131) % 256);
    article_t a = {0};
    const char *why = NULL;
    if (clean_scrape(b, n, &a, &why) == 0)
        assert_non_null(a.title);
    article_free(&a);
    /* one huge line of prose: a single paragraph, no quadratic work */
    static const char unit[] = "the cat sat on the mat. ";
    for (size_t i = 0; i < n; i++)
        b[i] = unit[i % (sizeof unit - 1)];
    assert_int_equal(clean_scrape(b, n, &a, &why), 0);
    assert_int_equal(a.nblocks, 1);
    article_free(&a);
    free(b);
}

static void test_clean_repeated_lines_dropped(void **state)
{
    (void)state;
    const char in[] =
        "Trending now\n"
        "Storm closes schools across the north\n"
        "Heavy snow closed more than two hundred schools across the north on Thursday, and "
        "forecasters said more was on the way for the weekend.\n"
        "A snowplough clears a road near the coast (Photo: Local Agency)\n"
        "A snowplough clears a road near the coast (Photo: Local Agency)\n"
        "Council gritters worked through the night, but many rural roads were still blocked "
        "by morning, the transport office said in a statement.\n"
        "Trending now\n"
        "Parents were told to check the council website before setting out on Friday, as more "
        "closures were likely if the temperature stayed below zero.\n"
        "Trending now\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_int_equal(a.nblocks, 3);
    assert_false(body_has(&a, "Trending"));
    assert_false(body_has(&a, "snowplough"));
    assert_true(strncmp(a.blocks[1].text, "Council gritters", 16) == 0);
    article_free(&a);
}

static void test_clean_plain_article_kept_whole(void **state)
{
    (void)state;
    /* A chrome-free article with blank lines between paragraphs keeps its
     * short lines and repeats (a fixture list); bulleted lines become list
     * items without their bullets. */
    const char in[] = "Cup draw made\n\n"
                      "The draw for the next round of the cup was made on Monday, with the "
                      "holders away to the league leaders.\n\n"
                      "The ties are:\n\n"
                      "Town v City\n\n"
                      "Winners meet in final\n\n"
                      "Rovers v United\n\n"
                      "Winners meet in final\n\n"
                      "- first bullet\n - second bullet\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.title, "Cup draw made");
    assert_int_equal(a.nblocks, 8);
    assert_string_equal(a.blocks[4].text, "Rovers v United");
    assert_string_equal(a.blocks[5].text, "Winners meet in final");
    assert_int_equal(a.blocks[6].kind, ARTICLE_BLOCK_LIST);
    assert_string_equal(a.blocks[6].text, "first bullet");
    assert_int_equal(a.blocks[7].kind, ARTICLE_BLOCK_LIST);
    assert_string_equal(a.blocks[7].text, "second bullet");
    article_free(&a);
}

static void test_clean_teasers_and_source_line_in_paragraph_layout(void **state)
{
    (void)state;
    /* Blank lines between paragraphs, but the agency line and the time
     * stamp under it share a group; teaser lines lead with a call to action. */
    const char in[] = " date 2026-11-28 News / Science / Ice diary\n\n"
                      "Ice diary\n\n"
                      "Inkpress Wire |\nNov 28, 2026 06:00 AM GMT\n\n"
                      "The helicopter leaves in a storm of snow, and then there is nothing but wind for "
                      "eleven weeks on the ice field.\n\n"
                      "Listen to this article\n12 min read\n\n"
                      "Also Read | Flood barriers on the lower river to be raised by a metre after the storms\n\n"
                      "The camp, known to its occupants as Sedge, consists of four sleeping tents and a "
                      "kitchen dome anchored with snow stakes against the wind.\n\n"
                      "Get Latest Science News along with Latest News from the North at The Daily Post.\n\n"
                      "Join The Daily Post\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.source, "Inkpress Wire");
    assert_int_equal(a.nblocks, 2);
    assert_false(body_has(&a, "Also Read"));
    assert_false(body_has(&a, "Get Latest"));
    assert_false(body_has(&a, "min read"));
    assert_false(body_has(&a, "Join"));
    article_free(&a);
}

static void test_clean_chrome_lines_after_the_text_are_not_joined_to_it(void **state)
{
    (void)state;
    /* Paragraphs with blank lines between them, then the site's own lines
     * with none: those are separate lines to drop, not one more paragraph. */
    const char in[] = " date 2026-11-28 News / Science / Ice diary\n\n"
                      "Ice diary\n\n"
                      "The helicopter leaves in a storm of snow, and then there is nothing but wind for "
                      "eleven weeks on the ice field.\n\n"
                      "The camp, known to its occupants as Sedge, consists of four sleeping tents and a "
                      "kitchen dome anchored with snow stakes.\n\n"
                      "Create free account and unlock exciting features like\n"
                      "Newsletters, Alerts and Recommendations Get personalised news and exciting deals\n"
                      "Already have an account? Sign In\n"
                      "\xC2\xA9 2026 MeridianPost\n"
                      "Copyright \xC2\xA9 Meridian Post Media Ltd. All rights reserved.\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_int_equal(a.nblocks, 2);
    assert_false(body_has(&a, "Newsletters"));
    assert_false(body_has(&a, "Sign In"));
    article_free(&a);
}

static void test_clean_credits_in_a_scrape_as_in_a_page(void **state)
{
    (void)state;
    /* A scrape's paragraphs get the HTML path's last pass too: a credit
     * that ends a paragraph is cut off, a credit line goes. (A plain-text
     * article with no site chrome at all is the author's and kept whole.) */
    const char in[] = "Home\nNews\nSport\nIce diary\n\n"
                      "The helicopter leaves in a storm of snow, and then there is nothing but wind for "
                      "eleven weeks on the ice field. (Foto: Privat)\n\n"
                      "(Quelle: Polar Institute/Unsplash)\n\n"
                      "The camp, known to its occupants as Sedge, consists of four sleeping tents and a "
                      "kitchen dome anchored with snow stakes.\n\n"
                      "The kitchen dome at night | Bildquelle: Anna Example\n\n"
                      "A sledge in front of the tents. (Symbolfoto) Bildrechte: Example Agency\n\n"
                      "Nobody goes out alone after dark, and the radio is checked twice a day with the "
                      "station on the coast, weather permitting.\n\n"
                      "Copyright \xC2\xA9 2026 Polar Post Media Ltd. All rights reserved.\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_true(body_has(&a, "on the ice field."));
    assert_false(body_has(&a, "Privat"));
    assert_false(body_has(&a, "Unsplash"));
    assert_true(body_has(&a, "snow stakes."));
    /* a credit's label in other words, after a '|' too */
    assert_true(body_has(&a, "The kitchen dome at night"));
    assert_false(body_has(&a, "Anna Example"));
    assert_true(body_has(&a, "A sledge in front of the tents."));
    assert_false(body_has(&a, "Example Agency"));
    article_free(&a);
}

static void test_clean_title_not_a_breadcrumb_or_a_link_on(void **state)
{
    (void)state;
    /* A breadcrumb and a link to the next post stand nearer the text than
     * the headline; neither is the title. */
    const char in[] = "Home\nNews\nSport\n"
                      "Ice diary from the station\n"
                      "Polar News > Science > Expeditions >\n"
                      "\xe2\x86\x90 The winter crossing\n"
                      "The helicopter leaves in a storm of snow, and then there is nothing but wind for "
                      "eleven weeks on the ice field, the crew said on Monday.\n"
                      "The camp, known to its occupants as Sedge, consists of four sleeping tents and a "
                      "kitchen dome anchored with snow stakes, and a radio mast.\n"
                      "Nobody goes out alone after dark, and the radio is checked twice a day with the "
                      "station on the coast, weather permitting.\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.title, "Ice diary from the station");
    article_free(&a);
}

static void test_clean_standfirst_between_headline_and_text(void **state)
{
    (void)state;
    /* The standfirst under the headline, then the byline, the date and the
     * buttons: it comes first in the body; the date and buttons do not. */
    const char in[] = "Home\nNews\nSport\nWeather\nPolar News\n"
                      "Ice diary from the station\n"
                      "Eleven weeks on the ice field, told by the four people who stayed.\n"
                      "By Ana Ferreira\n"
                      "Published 12 March 2024, 09:30\n"
                      "Share\nSave\nPrint\n"
                      "The helicopter leaves in a storm of snow, and then there is nothing but wind for "
                      "eleven weeks on the ice field, the crew said on Monday.\n"
                      "The camp, known to its occupants as Sedge, consists of four sleeping tents and a "
                      "kitchen dome anchored with snow stakes, and a radio mast.\n"
                      "Nobody goes out alone after dark, and the radio is checked twice a day with the "
                      "station on the coast, weather permitting.\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.title, "Ice diary from the station");
    assert_true(a.nblocks >= 4);
    assert_non_null(strstr(a.blocks[0].text, "told by the four people"));
    assert_false(body_has(&a, "Published"));
    assert_false(body_has(&a, "Print"));
    article_free(&a);
}

static void test_clean_standfirst_under_the_first_headline(void **state)
{
    (void)state;
    /* The headline twice, in the header with the standfirst under it and
     * again over the text after a long share bar: the standfirst comes
     * first all the same. */
    const char in[] = "Home\nNews\nSport\nWeather\nPolar News\n"
                      "Ice diary from the station\n"
                      "Eleven weeks on the ice field, told by the four people who stayed.\n"
                      "By Ana Ferreira\n"
                      "Published 12 March 2024, 09:30\n"
                      "Facebook\nTwitter\nFlipboard\nPinterest\nReddit\nLinkedIn\nEmail\nCopy Link\nPrint\nSave\n"
                      "Comments\n"
                      "Ice diary from the station\n"
                      "The helicopter leaves in a storm of snow, and then there is nothing but wind for "
                      "eleven weeks on the ice field, the crew said on Monday.\n"
                      "The camp, known to its occupants as Sedge, consists of four sleeping tents and a "
                      "kitchen dome anchored with snow stakes, and a radio mast.\n"
                      "Nobody goes out alone after dark, and the radio is checked twice a day with the "
                      "station on the coast, weather permitting.\n";
    article_t a = {0};
    clean_ok(in, &a);
    assert_string_equal(a.title, "Ice diary from the station");
    assert_true(a.nblocks >= 4);
    assert_non_null(strstr(a.blocks[0].text, "told by the four people"));
    assert_false(body_has(&a, "Published"));
    assert_false(body_has(&a, "Flipboard"));
    article_free(&a);
}

static char *json_of(void (*fn)(FILE *, const void *), const void *arg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fn(f, arg);
    fclose(f);
    return buf;
}

static void put_str(FILE *f, const void *s) { json_str(f, s); }
static void put_article(FILE *f, const void *a) { json_article(f, a); }

static void test_clean_scrape_gets_typography(void **state)
{
    (void)state;
    /* a scrape (one block per line) gets the HTML path's typography */
    const char s[] = "Home\nNews\nSport\n"
                     "Tide turns at the harbour\n"
                     "\"It's over,\" the harbour master said -- and the crowd went home...\n"
                     "The bridge had been shut since spring, when a barge struck one of its piers.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_int_equal(a.nblocks, 2);
    assert_string_equal(a.blocks[0].text,
                        "\xe2\x80\x9cIt\xe2\x80\x99s over,\xe2\x80\x9d the harbour master said "
                        "\xe2\x80\x94 and the crowd went home\xe2\x80\xa6");
    article_free(&a);
}

static void test_clean_stops_at_related_stories(void **state)
{
    (void)state;
    /* after the article, a "Related" heading and headline + summary teasers */
    const char s[] =
        "Home\nWorld\nBusiness\n"
        "River barges return to the canal\n"
        "Barges carried grain along the canal again on Monday, the first time since the lock gates failed in March.\n"
        "The waterway authority said repairs had cost more than it had planned, but that traffic would be back to normal by the summer.\n"
        "Boat owners who had moored upstream for months said they were relieved to be moving again at last.\n"
        "Traders in the market towns along the route said the closure had cost them customers all through the spring, "
        "and that they hoped the visitors who came for the boats would now come back as well.\n"
        "A lock keeper said the new gates were the first to be fitted on the canal in over a hundred years.\n"
        "Related stories\n"
        "Ferry fares to rise in the spring\n"
        "Operators said on Tuesday that the price of fuel had left them no choice but to raise what they charge passengers.\n"
        "Share\nSave\n"
        "Airport opens a second runway\n"
        "The new runway, which took six years to build, will let the airport handle twice as many flights as it does today.\n"
        "Share\nSave\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_int_equal(a.nblocks, 5);
    assert_non_null(strstr(a.blocks[4].text, "hundred years"));
    article_free(&a);
}

static void test_clean_stops_before_dated_comments(void **state)
{
    (void)state;
    /* comments after the article: each with its own name-and-time stamp and
     * long enough to outweigh the share box between them and the text */
    const char s[] =
        "Home\nNews\n"
        "Town council votes to keep the old library\n"
        "The town council voted on Tuesday to keep the old library open for at least another five years.\n"
        "Councillors had been asked to choose between repairing the roof and selling the building to a developer.\n"
        "More than two thousand people signed a letter asking the council not to sell, the largest petition the town has seen.\n"
        "A survey last year found that the library was used by more than four hundred people every week, most of them "
        "pupils from the two schools nearby and older residents who came to read the newspapers.\n"
        "The librarian said she was delighted and that the reading room would reopen as soon as the roof was fixed.\n"
        "Share this:\nFacebook\nTwitter\nEmail\n"
        "Anna P. \xc2\xb7 March 10, 2017 at 12:20 AM\n"
        "This is wonderful news for the children of the town, who have nowhere else to go and read after school.\n"
        "Reply\n"
        "Tom \xc2\xb7 March 10, 2017 at 1:26 AM\n"
        "I am not so sure that keeping an old building with a leaking roof is the best use of the money we pay in taxes.\n"
        "Reply\n"
        "Mary Jones \xc2\xb7 March 10, 2017 at 2:56 AM\n"
        "The roof has leaked for years and nobody on the council did anything about it until the petition arrived.\n"
        "Reply\n"
        "Sam \xc2\xb7 March 11, 2017 at 8:41 PM\n"
        "Libraries are more than books, and the town would have lost the only quiet public room it still has left.\n"
        "Reply\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_int_equal(a.nblocks, 5);
    assert_non_null(strstr(a.blocks[4].text, "roof was fixed"));
    assert_false(body_has(&a, "leaked for years"));
    article_free(&a);
}

static void test_clean_article_after_a_list_of_dated_teasers(void **state)
{
    (void)state;
    /* a site's latest stories, each with its section and month, stand over
     * the article: a dated list like comments, but the text comes after it */
    const char s[] =
        "Startseite\nNews\n"
        "Politik | Januar 2022\nNew rules for apprentices\n"
        "The ministry has published new rules for apprentices that will apply from the summer, and the chambers have welcomed them in a first statement.\n"
        "Betrieb | Januar 2022\nBakers choose the bread of the year\n"
        "The bakers' association has chosen a rye loaf baked in a wood oven as the bread of the year, the third time a rye bread has been chosen.\n"
        "Politik | Januar 2022\nA new agency for the climate\n"
        "A new state agency is to bring together the work on energy and the climate that four ministries have done on their own until now.\n"
        "Bildung | Januar 2022\nA film about electricians\n"
        "Pupils can now watch a film about the work of electricians that was shot with a camera that sees in every direction at once.\n"
        "Betrieb | Januar 2022\nLonger time to change a licence\n"
        "Drivers who change their old licence late will not be fined for the time being, the interior ministers agreed at their last meeting.\n"
        "Politik | Januar 2022\nStudents pleased with their grants\n"
        "Most of the young founders who received a grant from the state last year say they were pleased with it, according to a survey.\n"
        "Bildung | Januar 2022\nA prize for the best young carpenter\n"
        "The best young carpenter of the year comes from a small village in the hills and built a cupboard without a single screw or nail.\n"
        "Betrieb | Januar 2022\nA fair moved to the spring\n"
        "The trade fair for hairdressers that was to open next month has been moved to the spring because of the rising number of infections.\n"
        "Menu\nClose\n"
        "What now applies at the hairdresser\n"
        "Januar 2022\n"
        "The states have issued new rules against the virus, and these also decide who may visit a hairdresser or a beautician in the coming weeks.\n"
        "In most states only customers who have been vaccinated or have recovered may have their hair cut, and children under twelve count as vaccinated.\n"
        "Some states also ask for a test on the same day, unless the customer has had a third dose, which many salons say has cost them customers.\n"
        "Staff who have not been vaccinated must be tested every working day, and the owner of the salon has to keep a record of the tests for a month.\n"
        "Masks must be worn by everyone in the salon, except while a treatment of the face makes that impossible, and the windows should be opened often.\n"
        "The chambers of crafts publish the rules of each state on their websites and answer questions from their members by telephone.\n"
        "Salons that break the rules can be fined up to several thousand euros, and the local authorities have said that they will carry out checks.\n"
        "Impressum\nDatenschutz\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "The states have issued new rules"));
    assert_true(body_has(&a, "carry out checks"));
    assert_false(body_has(&a, "bread of the year"));
    article_free(&a);
}

static void test_clean_keeps_an_ingredient_list(void **state)
{
    (void)state;
    /* a recipe's ingredients come out one to a line, each led by its
     * quantity: short lines, but the recipe's own */
    const char s[] =
        "Home\nRecipes\nAbout\n"
        "Almond biscuits\n"
        "These almond biscuits keep for weeks in a tin and are the first thing we bake each December.\n"
        "Ingredients:\n"
        "300 g flour\n1 tsp baking powder\n100 g ground almonds\n200 g butter\n200 g sugar\n1 pinch salt\n"
        "1 egg\n1 tsp cinnamon\n2 tbsp flaked almonds\n"
        "Method:\n"
        "Put everything but the flaked almonds in a bowl and knead it into a smooth dough with the hooks of the mixer.\n"
        "Roll the dough out on a floured board and cut out stars, hearts and moons of any size you like.\n"
        "Press a few flaked almonds into each biscuit and bake them in the middle of the oven for fifteen minutes until golden.\n"
        "Categories\nDessert\nBaking\nArchive\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "first thing we bake"));
    assert_true(body_has(&a, "200 g sugar"));
    assert_true(body_has(&a, "until golden"));
    assert_false(body_has(&a, "Archive"));
    article_free(&a);
}

/* The opening of a gardening page, for the tests of a scrape's last
 * paragraphs: the menu, the headline and four paragraphs of text. */
#define HEDGE_OPENING \
    "Home\nGardens\n" \
    "A hedge for the birds\n" \
    "A hedge of native shrubs feeds more birds through the winter than any feeder, and it needs little care once it has grown.\n" \
    "Hawthorn, blackthorn and dog rose flower in spring and carry berries into the new year, when the thrushes arrive from the north.\n" \
    "Plant the young shrubs in two staggered rows in November, about a foot apart, and cut them back by half in the first spring.\n" \
    "After that the hedge wants trimming once every two years, late in the winter, when the berries are gone and before the birds nest.\n"

/* Its next paragraphs: the hedge as a windbreak, and laying an old hedge. */
#define HEDGE_SHELTER \
    "A hedge also shelters the garden from the wind, so that the vegetable beds behind it warm up earlier in the spring than open ground.\n" \
    "Where there is no room for two rows, a single row of hawthorn will do, planted a little closer and trimmed a little more often.\n"
#define HEDGE_LAYING \
    "Within five years the hedge is thick enough for blackbirds and wrens to nest in, and the hedgehogs that live under it eat the slugs.\n" \
    "An old hedge that has grown thin at the bottom can be laid, which means cutting the stems half through and bending them over.\n" \
    "Laying is done in the winter, and a skilled hedger lays about ten metres of an old hedge in a day with a billhook.\n" \
    "The stems are woven between stakes driven into the ground every half metre, and the stakes are bound at the top with hazel.\n"

static void test_clean_drops_a_lone_paragraph_after_the_chrome(void **state)
{
    (void)state;
    /* after the text and its share buttons, one paragraph on its own: the
     * site's offer to its readers, not the article's last word */
    const char s[] =
        HEDGE_OPENING
        "Within five years the hedge is thick enough for blackbirds and wrens to nest in, and the hedgehogs that live under it eat the slugs.\n"
        "Facebook\nTwitter\nEmail\nPrint\n"
        "Every Friday we send our readers the best stories of the week about gardens, and you can leave the list at any time you like.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "A hedge of native shrubs"));
    assert_true(body_has(&a, "before the birds nest"));
    assert_false(body_has(&a, "Every Friday"));
    article_free(&a);
}

static void test_clean_drops_the_sites_words_after_a_gap_of_chrome(void **state)
{
    (void)state;
    /* after the text, its share buttons and two paragraphs of the site's
     * words on itself, far lighter than the text: they go. A picture's
     * lines between the article's own paragraphs, the same wherever it
     * stands, are no such gap (s2). */
    const char s1[] =
        HEDGE_OPENING
        HEDGE_SHELTER
        HEDGE_LAYING
        "Facebook\nTwitter\nEmail\nPrint\n"
        "We are a small team of gardeners who have written about plants since 2009.\n"
        "Our pages are free to read, and they will stay so while we write.\n";
    article_t a = {0};
    clean_ok(s1, &a);
    assert_true(body_has(&a, "A hedge of native shrubs"));
    assert_true(body_has(&a, "bending them over"));
    assert_false(body_has(&a, "small team of gardeners"));
    assert_false(body_has(&a, "free to read"));
    article_free(&a);
    const char s2[] =
        "Home\nGardens\n"
        "A hedge for the birds\n"
        "A hedge of native shrubs feeds more birds through the winter than any feeder, and it needs little care once it has grown.\n"
        "Hawthorn, blackthorn and dog rose flower in spring and carry berries into the new year, when the thrushes arrive from the north.\n"
        "Advertisement\nIllustration for the article A hedge for the birds\nPicture: Example Agency\n"
        "Plant the young shrubs in two staggered rows in November, about a foot apart, and cut them back by half in the first spring.\n"
        "After that the hedge wants trimming once every two years, late in the winter, when the berries are gone and before the birds nest.\n"
        HEDGE_SHELTER
        HEDGE_LAYING
        "Local styles of laying differ from county to county, and each has its own way of setting the stakes and binding them.\n"
        "Advertisement\nIllustration for the article A hedge for the birds\nPicture: Example Agency\n"
        "Laid hedges grow thick again within two summers, and the birds come back.\n"
        "The wrens are usually the first to return, often in the very first spring.\n";
    clean_ok(s2, &a);
    assert_true(body_has(&a, "A hedge of native shrubs"));
    assert_true(body_has(&a, "Laid hedges grow thick again"));
    assert_true(body_has(&a, "very first spring"));
    article_free(&a);
}

static void test_clean_keeps_the_last_paragraph_after_a_picture(void **state)
{
    (void)state;
    /* a picture before the last paragraph: its description and its caption
     * are the same line twice, then a subheading; the paragraph after them
     * is the article's, not a lone one that chrome sets apart */
    const char s[] =
        HEDGE_OPENING
        HEDGE_SHELTER
        "A wren on a hawthorn twig in the snow, photo: Ann Example\n"
        "A wren on a hawthorn twig in the snow, photo: Ann Example\n"
        "Nests\n"
        "Within five years the hedge is thick enough for blackbirds and wrens to nest in, and the hedgehogs that live under it eat the slugs.\n"
        "Facebook\nTwitter\nEmail\nPrint\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "A hedge of native shrubs"));
    assert_true(body_has(&a, "eat the slugs"));
    assert_false(body_has(&a, "A wren on a hawthorn"));
    article_free(&a);
}

static void test_clean_short_post_before_a_heavier_comment(void **state)
{
    (void)state;
    /* a podcast's short notes, then the episode's details and links, then
     * one long comment and the site's words on itself, which together
     * weigh more than the notes */
    const char s[] =
        "Skip to content\nResonator\nMenu\nHome\nArchive\nShort episodes\nLong episodes\n"
        "EP158 Stars made in an accelerator\n"
        "Kathrin Goebel is an astrophysicist and works at a heavy ion research centre in Darmstadt, where she builds the detectors of a new accelerator "
        "that is to open in a few years.\n"
        "With these machines she measures how often the nuclei that stars are made of are formed, which tells us how old the stars in our galaxy are "
        "and how long the sun will go on shining.\n"
        "Download: mp3 (30 MB) m4a (24 MB)\nPublished 16.08.2019\nLength: 1 hour 4 minutes\nLicence: CC-BY 4.0\n"
        "More on this:\nEP035 The ion research centre\nEP036 Heavy ions\nEP155 The periodic table\nEP156 Lead into gold\n"
        "EP157 Understanding stars\nEP101 Dark matter\nEP102 The big telescope\nEP120 Neutron stars\nEP121 Black holes\n"
        "Imprint | Privacy\n"
        "One thought on \xe2\x80\x9c" "EP158 Stars made in an accelerator\xe2\x80\x9d\n"
        "Peter says:\n"
        "August 24, 2019 at 03:36\n"
        "First of all, thank you for this podcast, which I have listened to from the very first episode on the long drives to work and back. "
        "I should write here much more often, because the topics are always well chosen.\n"
        "Reply\nLeave a Reply\n"
        "We do not store your IP address when you write a comment here, and you may leave the name and the website fields empty if you like.\n"
        "The Resonator is a free podcast of a research association, in which the host talks with scientists about what they find out and how.\n"
        "A new episode comes out about every two weeks, and there are long ones and short ones.\n"
        "Search\nSubscribe for free\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Kathrin Goebel is an astrophysicist"));
    assert_true(body_has(&a, "how old the stars"));
    assert_false(body_has(&a, "thank you for this podcast"));
    article_free(&a);
}

static void test_clean_recipe_before_a_heavier_footer(void **state)
{
    (void)state;
    /* a recipe: its labels between the ingredients and the steps, then a
     * comment form, the sidebar and the blog's licence and disclaimer,
     * which weigh more than the short steps */
    const char s[] =
        "Kitchen at home\nAbout this blog\n8 December 2012\nLeave a comment\n"
        "Almond biscuits\n"
        "Time: 25 minutes (and 15 minutes baking)\nMakes: 40\nIngredients:\n"
        "300 g flour\n1 tsp baking powder\n100 g ground almonds\n200 g margarine\n200 g sugar\n"
        "1 pinch of salt\n1 egg\n1 tsp cinnamon\n1 tsp ground cloves\n1 sachet of vanilla sugar\nFlaked almonds\nMethod:\n"
        "Put all the ingredients in a bowl and knead them with the dough hooks into a smooth dough.\n"
        "Roll it out and cut out shapes.\n"
        "Heat the oven to 200 degrees.\n"
        "Line a baking tray with baking paper.\n"
        "Put the raw biscuits on it, not too close.\n"
        "Press a few flaked almonds onto each of the biscuits.\n"
        "Bake them in the middle of the oven for 15 minutes until golden.\n"
        "Like this:\nPrevious post\nNext post\nLeave a Reply Cancel reply\nName\nEmail\nWebsite\n"
        "Categories\nDessert\nBaking\nGifts\nMains\nSnacks\nArchive\nDecember 2012\nOctober 2012\n"
        "Creative Commons Licence\n"
        "The pictures in this blog are under a Creative Commons Attribution NonCommercial NoDerivatives licence, "
        "unless it says otherwise below them.\n"
        "You may ask the author for permissions beyond this licence at the address given on the contact page.\n"
        "Disclaimer\n"
        "Although the content is checked with care, I take no responsibility for the content of external links that can be reached "
        "from my blog. The operators of the linked pages are alone responsible for what they publish there.\n"
        "Kitchen at home\nBlog at WordPress.com.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "smooth dough"));
    assert_true(body_has(&a, "until golden"));
    assert_false(body_has(&a, "take no responsibility"));
    article_free(&a);
}

static void test_clean_call_to_follow_closing_the_text(void **state)
{
    (void)state;
    /* the site's calls to follow it on a channel close the text, with a
     * line between; a paragraph that names an app is the article's */
    const char s[] =
        "Home\nSport\n"
        "Local runner wins the city marathon\n"
        "A runner from the old town won the city marathon on Sunday in two hours and eleven minutes, a record for the course.\n"
        "She had trained for the race for a year, she said, and had downloaded a new training app to plan her weeks.\n"
        "More than eight thousand runners started in the rain, and most of them reached the finish before noon.\n"
        "Follow The Daily Example on Twitter and Instagram for the latest news from the city.\n"
        "Advertisement\n"
        "For the latest stories and breaking news download the Daily Example apps for iOS and Android.\n"
        "Privacy\nContact us\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "training app"));
    assert_true(body_has(&a, "before noon"));
    assert_false(body_has(&a, "on Twitter and Instagram"));
    assert_false(body_has(&a, "apps for iOS"));
    article_free(&a);
}

static void test_clean_author_note_before_a_lone_paragraph(void **state)
{
    (void)state;
    /* the note on who wrote it, then the sidebar and a lone paragraph:
     * once that goes, the note closes the text and goes too */
    const char s1[] =
        "Home\nPolitics\n"
        "Council votes for new cycle lanes\n"
        "The city council voted on Tuesday to build twelve kilometres of new cycle lanes over the coming year.\n"
        "Most of the cost of about four million euros will be paid by the state, the council said in a statement.\n"
        "Residents of the high street have complained for years about heavy traffic and the lack of safe routes.\n"
        "Ann Writer\n"
        "Ann Writer is a senior reporter for the Example Times, covering transport and city hall since 2015.\n"
        "Weather\nSport\n"
        "The Example Times has told the news of the valley since 1850, in print every morning.\n"
        "Privacy\nContact us\n";
    /* what a writer covers is a role of its own */
    const char s2[] =
        "Home\nPolitics\n"
        "Council votes for new cycle lanes\n"
        "The city council voted on Tuesday to build twelve kilometres of new cycle lanes over the coming year.\n"
        "Most of the cost of about four million euros will be paid by the state, the council said in a statement.\n"
        "Residents of the high street have complained for years about heavy traffic and the lack of safe routes.\n"
        "Ann Writer writes about transport and city hall, with particular emphasis on how the city spends its money.\n"
        "Privacy\nContact us\n";
    article_t a = {0};
    clean_ok(s1, &a);
    assert_true(body_has(&a, "safe routes"));
    assert_false(body_has(&a, "senior reporter"));
    assert_false(body_has(&a, "since 1850"));
    article_free(&a);
    clean_ok(s2, &a);
    assert_true(body_has(&a, "safe routes"));
    assert_false(body_has(&a, "particular emphasis"));
    article_free(&a);
}

static void test_clean_disclosure_in_a_scrape(void **state)
{
    (void)state;
    /* how the site earns from the page's links goes; a sentence of the
     * text that names a commission and a link stays */
    const char s[] =
        "Home\nNews\n"
        "Premier arrested in Miami\n"
        "Advertising disclosure: We may receive compensation for some of the links in our stories. Thank you for supporting us.\n"
        "The islands' premier was arrested in Miami on Thursday, the governor said in a statement in the evening.\n"
        "What I can confirm is that the arrest was a US operation and is not linked to the Commission of Inquiry report.\n"
        "The governor will meet the cabinet on Friday morning to discuss what the islands should do next.\n"
        "Privacy\nContact us\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "arrested in Miami on Thursday"));
    assert_true(body_has(&a, "Commission of Inquiry"));
    assert_false(body_has(&a, "receive compensation"));
    article_free(&a);
}

static void test_clean_post_before_its_comments_and_footer(void **state)
{
    (void)state;
    /* a short post, its comments under a heading in two languages ("3
     * Kommentare on “...”") with one long comment, then the blog's
     * disclaimer, heavier than the post: the post is the text */
    const char s[] =
        "gnaddrig ad libitum\nAbout\nReading\nImprint\nPrivacy\nSilhouette (3)\n"
        "The town stands black and silent\n"
        "For the ISO value of 1250 that the camera chose by itself this looks quite decent, but it is a little noisy. "
        "Sadly the vapour trail was gone after that, but with the camera propped up and at ISO 200 the second picture "
        "came out much cleaner.\n"
        "Had the plane been a meteor, I could have wished for a second trail for the second picture, and it would have "
        "been even better.\n"
        "Share this:\nTwitter\nFacebook\nPrint\nEmail\nLike this:\nLike Loading\nRelated\nPrevious post\n"
        "Next post\nAutumn light\nBridges\n3 Kommentare on \xe2\x80\x9c" "Silhouette (3)\xe2\x80\x9d" "\n"
        "Anhora says:\n06.01.2020 at 9:16\n"
        "Both pictures are great, the first one is sharper and the second one has the trail.\n"
        "Like\nReply\nYadgar says:\n12.01.2020 at 12:49\n"
        "Well, the camera I use has fourteen megapixels and a twenty-four times optical zoom, which gives a focal length "
        "of about six hundred millimetres on a small sensor, and with a tripod and a clear night that should be enough "
        "to see the phase of the planet, though I have never tried it myself because the sky here is never dark enough "
        "and the neighbours leave their lights on all night, so the pictures always come out orange and flat, whatever I "
        "do with the settings.\n"
        "Like\nReply\nLeave a Reply\nName\nEmail\nWebsite\nNotify me of new posts by email\nSearch\nArchive\n"
        "January 2020\nDecember 2019\nTags\nAutumn\nBridge\nCity\nFrost\nGarden\nHarbour\n"
        "Liability for external links\n"
        "This blog links to other web sites now and then. I have no influence on the content of those pages and no "
        "control over changes made to them.\n"
        "That I link to a page does not mean that I share the opinions expressed there or make its content my own. "
        "Everything that does not have this blog as its address is outside my responsibility and I cannot answer for it "
        "in any way.\n"
        "Whether this note is needed or does any good, I do not know, but it seems to be a widespread custom to hang "
        "such a thing on a blog.\n"
        "Blog at WordPress.com.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "ISO value of 1250"));
    assert_true(body_has(&a, "even better"));
    assert_false(body_has(&a, "outside my responsibility"));
    assert_false(body_has(&a, "neighbours leave their lights"));
    article_free(&a);
}

static void test_clean_previous_and_next_article_links(void **state)
{
    (void)state;
    /* the links to the stories before and after, glued to their
     * headlines, stand inside the text's run */
    const char s[] =
        "Home\nRegion\n"
        "Weinbergsbahnen in Erden nicht manipuliert\n"
        "Die Ermittler haben an den Weinbergsbahnen in Erden keine Spuren einer Manipulation gefunden, wie die Polizei am Montag mitteilte.\n"
        "Vorheriger Artikel++ Wetter in der Region: Aussichten bis Freitag mild, aber ungemütlich ++\n"
        "Nächster ArtikelFDP-Landes- und Kommunalpolitiker stellen Bundes-Ampel infrage\n"
        "Die Bahnen waren im Sommer stillgelegt worden, nachdem ein Wagen auf halber Strecke stehen geblieben war und die Winzer zu Fuß absteigen mussten.\n"
        "Der Betrieb soll nach einer Prüfung durch den Hersteller im Frühjahr wieder aufgenommen werden, sagte ein Sprecher der Gemeinde.\n"
        "Impressum\nDatenschutz\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "keine Spuren einer Manipulation"));
    assert_true(body_has(&a, "im Frühjahr wieder"));
    assert_false(body_has(&a, "Aussichten bis Freitag"));
    assert_false(body_has(&a, "Bundes-Ampel"));
    article_free(&a);
}

static void test_clean_more_tail_headings(void **state)
{
    (void)state;
    /* "Verwandte Themen" opens the tail: dated teasers, each with its
     * summary */
    const char s[] =
        "Home\nSport\n"
        "Neuer Cheftrainer für Dormagen\n"
        "Der Handball-Zweitligist aus Dormagen hat einen neuen Cheftrainer gefunden, der die Mannschaft ab dem Sommer übernehmen soll.\n"
        "Der Verein stellte ihn am Dienstag vor, er kommt aus der eigenen Jugend und hat einen Vertrag über zwei Jahre unterschrieben.\n"
        "Die Mannschaft steht nach der Hinrunde auf dem zwölften Platz und hat noch zwei Nachholspiele vor sich, beide zu Hause.\n"
        "Der Trainer sagte, er freue sich auf die Aufgabe und wolle mit der jungen Mannschaft in der Liga bleiben und neue Spieler "
        "aus der Jugend holen.\n"
        "Quelle: TSV Dormagen\n"
        "Verwandte Themen\n"
        "31.01.2022\n"
        "Coburg verpflichtet polnischen Nationalspieler\n"
        "Der HSC Coburg hat am Montag in einer Pressemitteilung bekannt gegeben, dass der Spieler ab der kommenden Saison für den "
        "Verein aufläuft.\n"
        "31.01.2022\n"
        "Lübeck verpflichtet U19-Europameister\n"
        "Der VfL Lübeck verstärkt sich ab der kommenden Saison mit einem jungen Rückraumspieler, der bisher beim THW Kiel spielte.\n"
        "Impressum\nDatenschutz\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "neue Spieler aus der Jugend"));
    assert_false(body_has(&a, "Verwandte Themen"));
    assert_false(body_has(&a, "HSC Coburg"));
    article_free(&a);
}

static void test_clean_joins_hard_wrapped_lines(void **state)
{
    (void)state;
    /* a post written with line breaks at seventy columns: each line of the
     * scrape is part of a sentence, few of them end one */
    const char s[] =
        "THE AUDIO DESKTOP\nHome\nArchive\nAbout\n"
        "Here is where I plan to write about tricks and introduce new features as I build them.\n"
        "Wednesday, October 16, 2019\n"
        "Programs that change programs\n"
        "1 Introduction\n"
        "An article about decorators in another language reminded me to write\n"
        "up the same idea for the editor that I have used for thirty years now.\n"
        "Decorators there let you change the way an existing function behaves\n"
        "without touching the function itself; advice in the editor, which goes\n"
        "back to the eighties, does the same, and it was what first gave people\n"
        "the idea of aspects in the languages that came after it.\n"
        "2 Advice comes to the editor\n"
        "Advice arrived in the summer of 1994, when a small module shipped as\n"
        "part of a new release. A few weeks later a colleague at work wrote up\n"
        "a simple example that added advice before the check-in functions of\n"
        "the time, creating a folder for old versions when none existed, and\n"
        "soon everyone in our lab was using it in their own settings.\n"
        "Posted by the author at 2:33 PM\n"
        "Newer Post Older Post Home\n"
        "View my complete profile\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "reminded me to write up the same idea"));
    assert_true(body_has(&a, "in their own settings"));
    assert_true(body_has(&a, "languages that came after it"));
    article_free(&a);
}

static void test_clean_text_goes_on_after_a_list_of_short_lines(void **state)
{
    (void)state;
    /* ten principles, one short line each, weigh more than the two short
     * paragraphs after them, which still belong to the article */
    const char s[] =
        "Home\nLove\nPersonality\n"
        "Ikigai makes you happier\n"
        "Are you happy? It is a hard question, and many of us have to think for a long while before we can answer it at all.\n"
        "For those still looking for what fills their days, the Japanese idea of ikigai may come at the right moment, and it is simple to try.\n"
        "The word joins the Japanese for life with the word for worth, and it means the reason you get up in the morning.\n"
        "These ten principles belong to it\n"
        "Make time for dreams\nStay active\nLook after yourself\nAvoid the traps of stress\nBe grateful\n"
        "Live among others\nTrust your heart\nValue the small things\nStay curious\nSmile often\n"
        "Does it give me energy, and would I tell my friends about it with joy?\n"
        "So, have you found your ikigai yet, or are you still looking for it?\n"
        "Facebook\nPinterest\nEmail\n"
        "Topics in this article\nHappiness\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Are you happy?"));
    assert_true(body_has(&a, "Stay curious"));
    assert_true(body_has(&a, "have you found your ikigai"));
    article_free(&a);
}

static void test_clean_teaser_given_twice_in_a_row_is_chrome(void **state)
{
    (void)state;
    /* after the text, teasers whose picture link and headline link both
     * show the headline: a sentence once would be kept, twice in a row not */
    const char s[] =
        "Menu\nSport\n"
        "Harbour swimmers brave the cold\n"
        "More than three hundred swimmers jumped into the harbour on New Year's Day, the largest crowd in the event's history.\n"
        "The water was just six degrees, and most of the swimmers were back on the quay within a couple of minutes.\n"
        "Organisers said the swim had raised money for the lifeboat station for the fortieth year in a row.\n"
        "One swimmer, who is eighty-one, said she had not missed a single year since the first swim in the nineteen eighties.\n"
        "The lifeboat crew stood by in the harbour all morning but said that nobody had needed their help this year.\n"
        "Ferry company orders two new boats for the island route this spring.\n"
        "Ferry company orders two new boats for the island route this spring.\n"
        "Council says the old pier will finally be repaired before the summer season.\n"
        "Council says the old pier will finally be repaired before the summer season.\n"
        "Fishermen report their best herring catch for a decade in the northern bay.\n"
        "Fishermen report their best herring catch for a decade in the northern bay.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_int_equal(a.nblocks, 5);
    assert_false(body_has(&a, "Ferry company"));
    assert_false(body_has(&a, "herring"));
    article_free(&a);
}

static void test_clean_stops_at_related_with_summaries(void **state)
{
    (void)state;
    /* a "Related" heading followed by three teasers, each a headline and a
     * summary in one line: a run of text, but a short one next to the
     * article before it */
    const char s[] =
        "Home\nScience\n"
        "Bees return to the city parks\n"
        "Wild bees have come back to the city's parks in numbers not seen for twenty years, according to a count published on Monday by the university.\n"
        "Volunteers counted more than forty species in the spring, against fewer than twenty when the last survey was made, and found nests in almost every park they visited.\n"
        "The researchers said the change began when the council stopped mowing the verges in early summer and let wild flowers grow along the paths and the edges of the lawns.\n"
        "Gardeners in the allotments near the river said they had noticed more bees on their fruit trees, and that the apple harvest had been the best they could remember.\n"
        "The university plans to repeat the count every year and has asked residents to send in photographs of any bees they find in their own gardens or on their balconies.\n"
        "The council said it would now leave more of the parks unmown and plant flowers that bloom late in the year, when bees find little food.\n"
        "Related coverage\n"
        "Swifts nest in the old mill again The birds came back after boxes went up.\n"
        "River otters spotted near the weir Anglers saw a family of them at dawn.\n"
        "Toads cross the road safely Volunteers carried them over the lane last night.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_int_equal(a.nblocks, 6);
    assert_false(body_has(&a, "Swifts"));
    assert_false(body_has(&a, "otters"));
    article_free(&a);
}

static void test_clean_keeps_a_list_inside_the_text(void **state)
{
    (void)state;
    /* a list without bullets inside the article: one short line per item,
     * like a menu, but between paragraphs */
    const char s[] =
        "Home\nGarden\nShop\n"
        "How to build a bird table\n"
        "A bird table is one of the simplest things you can make for the garden, and the birds will use it all year round.\n"
        "You will need:\n"
        "A square of plywood\n"
        "Four wooden battens\n"
        "A broom handle\n"
        "Galvanised screws\n"
        "Screw the battens around the edge of the plywood to stop the seed from blowing away, leaving a gap at each corner so that rain can drain off.\n"
        "Fix the broom handle to the middle of the underside and push it firmly into the lawn, well away from any bushes where cats could hide.\n"
        "Put out seed and water every morning, and clean the table once a week so that it does not spread disease among the birds.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Four wooden battens"));
    assert_true(body_has(&a, "Galvanised screws"));
    assert_false(body_has(&a, "Shop"));
    article_free(&a);
}

static void test_clean_subtitle_under_the_headline(void **state)
{
    (void)state;
    /* a subtitle without a full stop between the share buttons and the
     * text belongs to the article; the buttons do not */
    const char s[] =
        "Home\nNews\nResearch\n"
        "New Robot Draws Blood\n"
        "By Ann Writer\n"
        "February 5, 2020\n"
        "Share\nFacebook\nTwitter\nEmail\n"
        "First clinical trial of an automated blood drawing and testing device\n"
        "A team at the university has built a robot that takes blood samples as well as nurses do, according to a study "
        "published this week.\n"
        "The machine finds a vein with ultrasound, guides the needle into it and tests the sample on the spot, so that "
        "results come back within minutes.\n"
        "In the trial the robot drew blood from more than thirty volunteers and succeeded on the first attempt almost "
        "every time.\n"
        "Contact us\nPrivacy\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "New Robot Draws Blood");
    assert_true(body_has(&a, "First clinical trial"));
    assert_true(body_has(&a, "first attempt"));
    assert_false(body_has(&a, "Facebook"));
    assert_false(body_has(&a, "Privacy"));
    article_free(&a);
}

static void test_clean_intro_before_a_contents_list(void **state)
{
    (void)state;
    /* the first paragraphs stand apart from the rest behind a contents
     * list of thirty lines that weighs more than they do: they are the
     * text's all the same, and the list, long beside them, is not */
    static const char *const sizes[] = {"small", "large", "shy", "loud", "rare", "common"};
    size_t cap = 16384, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)snprintf(s + n, cap - n,
                          "Home\nGarden\nShop\n"
                          "Thirty birds to look for this winter\n"
                          "Winter is the best time of the year to watch birds in the garden, when the trees are "
                          "bare and food is short.\n"
                          "We asked the local society which visitors are worth waiting for, and here is what they "
                          "told us.\n"
                          "Contents\n");
    for (int k = 1; k <= 30; k++)
        n += (size_t)snprintf(s + n, cap - n, "%d. Bird number %d\n", k, k);
    for (int k = 1; k <= 30; k++)
        n += (size_t)snprintf(s + n, cap - n,
                              "%d. Bird number %d\n"
                              "Bird number %d is a %s visitor that comes to the feeder in the morning and "
                              "stays in the hedge for the rest of the day.\n",
                              k, k, k, sizes[k % 6]);
    n += (size_t)snprintf(s + n, cap - n, "Privacy\nContact us\n");
    assert_true(n < cap);
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "best time of the year"));
    assert_true(body_has(&a, "what they told us"));
    assert_true(body_has(&a, "Bird number 30 is a"));
    assert_false(body_has(&a, "Contents"));
    assert_false(body_has(&a, "Privacy"));
    article_free(&a);
    free(s);
}

static void test_clean_author_note_after_the_text(void **state)
{
    (void)state;
    /* a line on who wrote it closes the text: not the article's */
    const char s[] =
        "Home\nPolitics\n"
        "Council votes for new cycle lanes\n"
        "The city council voted on Tuesday to build twelve kilometres of new cycle lanes over the coming year.\n"
        "Most of the cost of about four million euros will be paid by the state, the council said in a statement.\n"
        "Residents of the high street have complained for years about heavy traffic and the lack of safe routes.\n"
        "Ann Writer is a senior reporter for the Example Times, covering transport and city hall.\n"
        "Privacy\nContact us\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "twelve kilometres"));
    assert_true(body_has(&a, "safe routes"));
    assert_false(body_has(&a, "senior reporter"));
    article_free(&a);
}

static void test_clean_no_subtitle_from_a_dateline_or_a_slug(void **state)
{
    (void)state;
    /* under the headline: a wire slug that restates it, and a dateline in
     * Bengali digits; neither is a subtitle */
    const char s[] =
        " date 2026-11-28 News / Business / Chocolate maker raises prices for the third time this year\n"
        "Home\nBusiness\n"
        "Chocolate maker raises prices for the third time this year\n"
        /* 26 November 2026, 05:40 in Bengali */
        "\xe0\xa7\xa8\xe0\xa7\xac \xe0\xa6\xa8\xe0\xa6\xad\xe0\xa7\x87\xe0\xa6\xae\xe0\xa7\x8d\xe0\xa6\xac"
        "\xe0\xa6\xb0 \xe0\xa7\xa8\xe0\xa7\xa6\xe0\xa7\xa8\xe0\xa7\xac, \xe0\xa7\xa6\xe0\xa7\xab:\xe0\xa7\xaa"
        "\xe0\xa7\xa6 PM IST\n"
        "FOOD-COCOA/MAKER:Chocolate maker raises prices again -company\n"
        "The family-owned confectioner said on Saturday it would raise wholesale prices by nine percent from "
        "January, its third increase this year.\n"
        "Cocoa prices have been driven higher by poor harvests in several growing regions, where dry weather has "
        "cut yields.\n"
        "The company also said it would trim the size of several seasonal products rather than charge more for "
        "them.\n"
        "Privacy\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "nine percent"));
    assert_false(body_has(&a, "FOOD-COCOA"));
    assert_false(body_has(&a, "PM IST"));
    article_free(&a);
}

/* A date line before the text in a script other than Latin (a day, the
 * month's name, a year: "17 វិច្ឆិកា 2026", the Thai one in the Buddhist
 * era with a time) is not a paragraph of the text; Khmer, Myanmar and Thai
 * kept theirs as the first one. */
static void test_clean_date_line_in_other_scripts(void **state)
{
    (void)state;
    static const struct {
        const char *file, *date, *first;
    } cases[] = {
        { "samples/world/km-phsar-thmei.txt", "17 វិច្ឆិកា 2026", "នៅព្រឹកថ្ងៃច័ន្ទ" },
        { "samples/world/my-sarkyeetaik.txt", "16 နိုဝင်ဘာ 2026", "ရန်ကုန်မြို့" },
        { "samples/world/th-rot-fai.txt", "25 พฤศจิกายน 2569", "รถไฟสายใหม่ที่เชื่อม" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len;
        char *buf = read_file(cases[i].file, &len);
        article_t a = {0};
        const char *why = NULL;
        if (clean_scrape(buf, len, &a, &why))
            fail_msg("%s: %s", cases[i].file, why);
        if (body_has(&a, cases[i].date))
            fail_msg("%s: the date line is a paragraph", cases[i].file);
        assert_true(a.nblocks > 0 && !strncmp(a.blocks[0].text, cases[i].first, strlen(cases[i].first)));
        article_free(&a);
        free(buf);
    }
}

/* "All rights reserved" under the text in other languages, and a share
 * button's label on a line of its own, are the site's, not paragraphs (the
 * Thai sample's แชร์ข่าวนี้ and สงวนลิขสิทธิ์ were kept as its last two). */
static void test_clean_rights_reserved_in_other_languages(void **state)
{
    (void)state;
    size_t len;
    char *buf = read_file("samples/world/th-rot-fai.txt", &len);
    article_t a = {0};
    const char *why = NULL;
    if (clean_scrape(buf, len, &a, &why))
        fail_msg("th-rot-fai: %s", why);
    assert_false(body_has(&a, "สงวนลิขสิทธิ์"));
    assert_false(body_has(&a, "แชร์ข่าวนี้")); /* the share button's label */
    assert_true(body_has(&a, "อย่างไรก็ตาม")); /* the last paragraph stays */
    article_free(&a);
    free(buf);
    const char ru[] = "Главная\nНовости\nКонтакты\n"
                      "Мост через реку открыт\n"
                      "Новый мост через реку открыли в понедельник утром, и первые машины проехали по нему уже "
                      "через час после церемонии.\n"
                      "Строительство заняло три года и обошлось городу дороже, чем планировали, но жители "
                      "довольны: дорога в центр стала короче на двадцать минут.\n"
                      "Все права защищены.\n";
    clean_ok(ru, &a);
    assert_true(body_has(&a, "двадцать минут"));
    assert_false(body_has(&a, "права защищены"));
    article_free(&a);
}

static void test_clean_short_sentences_in_other_languages(void **state)
{
    (void)state;
    /* short German sentences at the end of the text: "auf" and "einer"
     * tell them from a menu as "the" and "of" do in English */
    const char s[] =
        "Startseite\nRezepte\nKontakt\n"
        "Mandelplätzchen zum Fest\n"
        "Zu Weihnachten backen wir jedes Jahr diese Plätzchen, und sie gelingen auch Anfängern ohne große Mühe in der "
        "eigenen Küche.\n"
        "Den Teig bereiten wir am Abend vorher zu, damit er über Nacht im Kühlschrank ruhen kann und sich morgens gut "
        "verarbeiten lässt.\n"
        "Backofen auf 200 Grad vorheizen.\n"
        "Teig auf einer bemehlten Fläche ausrollen.\n"
        "Impressum\nDatenschutz\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Backofen auf 200 Grad vorheizen."));
    assert_true(body_has(&a, "Teig auf einer bemehlten"));
    assert_false(body_has(&a, "Impressum"));
    article_free(&a);
}

static void test_clean_keeps_headings_the_contents_list_repeats(void **state)
{
    (void)state;
    /* section headings given twice, in a contents list and over their
     * sections, stay; a label repeated three times does not */
    const char s[] =
        "Home\nHistory\n"
        "The story of the old lighthouse on the point\n"
        "Contents\nBuilding the tower\nThe keepers\n"
        "Building the tower\n"
        "The lighthouse was built in 1841 on the rocks at the mouth of the bay, after three ships were lost there in a single winter.\n"
        "Stone for the tower came by boat from a quarry along the coast, and the work took the masons almost four years to finish.\n"
        "Advertisement\n"
        "The keepers\n"
        "Three keepers lived in the cottages beside the tower, taking turns to watch the lamp through the night in every season.\n"
        "The last keeper left in 1982, when the light was made automatic and the cottages were sold to a trust that now rents them out.\n"
        "Advertisement\n"
        "Visitors can climb the tower on summer weekends, and on a clear day they can see the hills on the far side of the bay.\n"
        "Advertisement\n";
    article_t a = {0};
    clean_ok(s, &a);
    size_t heads = 0;
    for (size_t i = 0; i < a.nblocks; i++)
        heads += strcmp(a.blocks[i].text, "The keepers") == 0;
    assert_true(heads >= 1);
    assert_false(body_has(&a, "Advertisement"));
    article_free(&a);
}

static void test_clean_keeps_table_cells_inside_the_text(void **state)
{
    (void)state;
    /* a table between paragraphs comes out one cell to a line, many of
     * them a single word */
    const char s[] =
        "Home\nSport\n"
        "The village cricket cup\n"
        "The village cricket cup has been played every summer since the war, and this year the final drew the biggest crowd in its history.\n"
        "Eight teams from the valley entered, two more than last year, and every match was played on the green behind the church.\n"
        "The club says the tea tent alone raised enough money to pay for new nets and a roller for the pitch next season.\n"
        "Recent winners:\n"
        "Year\nWinner\n"
        "2021\nAshby\n"
        "2022\nMelbourne\n"
        "2023\nAshby\n"
        "Ashby won again this year by four wickets, with their captain scoring a century in the last hour of play as the light began to fade.\n"
        "The cup will be presented at the village hall on Saturday evening, and the club says everyone who came to watch is welcome.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Melbourne"));
    assert_true(body_has(&a, "2022"));
    article_free(&a);
}

static void test_clean_title_is_the_line_before_the_byline(void **state)
{
    (void)state;
    /* no header: the headline is the line the byline and date follow, not
     * the video caption nearer the text */
    const char s[] =
        "Home\nNews\nWorld\n"
        "Storm closes the coastal road for a week\n"
        "By Anna Smith\n"
        "12 March 2024\n"
        "Waves crash over the harbour wall at high tide\n"
        "The coastal road will stay closed for at least a week after Sunday's storm washed away part of the sea wall near the harbour.\n"
        "Engineers said the road itself was sound but that they could not reopen it until the wall had been rebuilt.\n"
        "Buses will run on the inland route in the meantime, adding about twenty minutes to the journey into town.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "Storm closes the coastal road for a week");
    article_free(&a);
}

static void test_clean_title_names_what_the_text_is_about(void **state)
{
    (void)state;
    /* no header and no byline: between the headline and the text stands
     * another story's video headline, nearer the text; the headline is the
     * line whose words the text uses */
    const char s[] =
        "Home\nNews\nBusiness\nMarkets\n"
        "Harbour ferry fares rise for the first time in ten years\n"
        "Replay\n"
        "The lighthouse keepers who never left\n"
        "Your video will play in 00:25\n"
        "Ferry fares across the harbour will rise by a fifth in April, the operator said on Monday, the first rise in ten years.\n"
        "The operator said fuel and wages had gone up every year since the last rise and that the ferry now ran at a loss.\n"
        "Season tickets for commuters will rise by less, and children under five will still ride the harbour ferry free.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "Harbour ferry fares rise for the first time in ten years");
    article_free(&a);
}

static void test_clean_box_heading_in_a_page_ends_at_the_next_heading(void **state)
{
    (void)state;
    /* A page's related box ("Mehr zum Thema" and its headlines) goes up to
     * the next subheading, where the article goes on with its own link;
     * a heading that names a channel of the site after the box is more of
     * the tail, and the cut goes to the end. */
    static const char *const paras[] = {
        "Die Redaktion des Wörterbuchs hat in den letzten Wochen ein Glossar mit mehr als zweihundert Wörtern rund um die Pandemie zusammengestellt.",
        "Viele der Wörter waren vor einem Jahr kaum bekannt, andere haben eine neue Bedeutung bekommen, die das Glossar mit Belegen aus der Presse zeigt.",
        "Das Glossar wird laufend ergänzt; Hinweise auf fehlende Wörter nimmt die Redaktion gern entgegen, schreibt die Akademie in ihrer Mitteilung.",
    };
    for (int ch = 0; ch < 2; ch++) {
        article_t a = {0};
        for (size_t i = 0; i < 6; i++) /* a hundred words and more */
            assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, paras[i % 3], strlen(paras[i % 3])), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_SUBHEAD, "Mehr zum Thema", 14), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_LIST, "Start des Zentrums für Lexikographie", 37), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_LIST, "Langer Abend der Sprache", 24), 0);
        const char *h = ch ? "Unsere Newsletter" : "Weiterführender Link";
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_SUBHEAD, h, strlen(h)), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_LIST, "www.example.org/themenglossar", 29), 0);
        clean_prune_blocks(&a);
        int related = 0, own = 0;
        for (size_t i = 0; i < a.nblocks; i++) {
            related |= strstr(a.blocks[i].text, "Mehr zum Thema") || strstr(a.blocks[i].text, "Langer Abend");
            own |= strstr(a.blocks[i].text, "themenglossar") != NULL;
        }
        assert_false(related);
        assert_int_equal(own, !ch);
        assert_int_equal(a.nblocks, ch ? 6 : 8);
        article_free(&a);
    }
}

static void test_clean_gallery_title_over_each_slide_once(void **state)
{
    (void)state;
    /* a gallery's title over each slide's own heading stays once; a
     * heading over its own text may come again */
    static const char *const slides[] = {"The first colonies", "A system of inequality", "Colonies lost"};
    const char *text = "The slide's text runs to a sentence or two about the picture, as galleries have it.";
    article_t a = {0};
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, text, strlen(text)), 0);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_SUBHEAD, "A colonial history", 18), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_SUBHEAD, slides[i], strlen(slides[i])), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, text, strlen(text)), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_SUBHEAD, "Setting up", 10), 0);
        assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, text, strlen(text)), 0);
    }
    clean_prune_blocks(&a);
    size_t gallery = 0, setup = 0;
    for (size_t i = 0; i < a.nblocks; i++) {
        gallery += !strcmp(a.blocks[i].text, "A colonial history");
        setup += !strcmp(a.blocks[i].text, "Setting up");
    }
    assert_int_equal(gallery, 1);
    assert_int_equal(setup, 3);
    assert_string_equal(a.blocks[1].text, "A colonial history");
    assert_int_equal(a.nblocks, 1 + 3 * 5 - 2);
    article_free(&a);
}

static void test_clean_title_is_not_a_gallery_or_an_attribution(void **state)
{
    (void)state;
    /* no byline: the headline is the title-like line nearest the text, but
     * not a gallery's count nor a "From the section" attribution */
    const char s[] =
        "Home\nNews\nScience\n"
        "Comet probe sends back its first close pictures\n"
        "Gallery: the comet up close | 14 Photos\n"
        "From the section Science and Environment\n"
        "The probe passed within two hundred kilometres of the comet on Tuesday and has sent back the first of several hundred pictures.\n"
        "Scientists at the control centre said the images showed a surface far rougher than the models had predicted.\n"
        "The team expects the rest of the pictures to arrive over the next fortnight as the probe moves away from the comet.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "Comet probe sends back its first close pictures");
    article_free(&a);
}

static void test_clean_title_is_not_a_line_of_figures(void **state)
{
    (void)state;
    /* a rating widget's figures stand nearer the text than the headline
     * and the page repeats them: a line without a letter is no headline */
    const char s[] =
        "Home\nBuilding\nLaw\n"
        "Clearing snow: what you should know\n"
        "4.3182 330 5 1\n"
        "Rate this article\n"
        "4.3182 330 5 1\n"
        "When the first flakes of winter fall, the children cheer and many home owners think with dread of the snow on the pavement.\n"
        "It is still wise to take the duty seriously, because an owner who neglects it can be made to pay for a passer-by's fall.\n"
        "Who has to clear the pavement, and when, is set by the town, and most towns want it clear by seven in the morning.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "Clearing snow: what you should know");
    article_free(&a);
}

static void test_clean_platform_names_are_chrome_only_in_a_few_words(void **state)
{
    (void)state;
    /* "Share on Facebook" is a button; a headline about Facebook is not,
     * nor a short line about shareholders */
    const char s[] =
        "Home\nTechnology\n"
        "Facebook buys a start-up that makes smart glasses\n"
        "By Anna Smith\n"
        "Share on Facebook\nFollow us on Twitter\n"
        "Facebook has bought a small company that makes glasses with a camera and a screen built into the frame, for an undisclosed sum.\n"
        "Shareholders were told of the deal on Monday.\n"
        "The start-up's forty staff will move to the company's offices in London, where they will keep working on the glasses.\n"
        "Analysts said the price was probably below a hundred million dollars, small by the standards of its recent purchases.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "Facebook buys a start-up that makes smart glasses");
    assert_true(body_has(&a, "Shareholders were told"));
    assert_false(body_has(&a, "Share on Facebook"));
    assert_false(body_has(&a, "Follow us"));
    article_free(&a);
}

static void test_clean_teasers_and_tail_headings_in_other_languages(void **state)
{
    (void)state;
    /* A German page: a "Lesen Sie auch:" teaser inside the text, a tail
     * heading starting with a capital umlaut ("Ähnliche Beiträge"), the
     * teasers after it with their share buttons, and a copyright line in
     * German. */
    const char s[] =
        "Startseite\nPolitik\n"
        "Stadtrat beschließt neue Radwege\n"
        "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, im kommenden Jahr zwölf Kilometer neue Radwege zu bauen.\n"
        "Lesen Sie auch: Neue Buslinie verbindet die Vororte mit dem Bahnhof\n"
        "Die Kosten von rund vier Millionen Euro trägt zum größten Teil das Land, wie die Verwaltung mitteilte.\n"
        "Anwohner der Hauptstraße hatten sich seit Jahren über den dichten Verkehr und fehlende Wege für Fahrräder beklagt.\n"
        "Die ersten Arbeiten sollen im Frühjahr beginnen, wenn das Wetter es erlaubt, und bis zum Herbst abgeschlossen sein.\n"
        "Ähnliche Beiträge\n"
        "Brücke über den Fluss wird saniert\n"
        "Die alte Brücke wird ab März für sechs Monate gesperrt, weil ihre Pfeiler dringend erneuert werden müssen.\n"
        "Teilen\nMerken\n"
        "Parkgebühren in der Innenstadt steigen\n"
        "Ab dem ersten Januar kostet eine Stunde Parken in der Innenstadt einen Euro mehr als bisher.\n"
        "Teilen\nMerken\n"
        "\xc2\xa9 Beispiel Zeitung GmbH. Alle Rechte vorbehalten\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_string_equal(a.title, "Stadtrat beschließt neue Radwege");
    assert_true(body_has(&a, "zwölf Kilometer"));
    assert_true(body_has(&a, "bis zum Herbst"));
    assert_false(body_has(&a, "Lesen Sie auch"));
    assert_false(body_has(&a, "Brücke"));
    assert_false(body_has(&a, "Parkgebühren"));
    assert_false(body_has(&a, "Rechte vorbehalten"));
    article_free(&a);
}

static void test_clean_drops_a_consent_banner(void **state)
{
    (void)state;
    /* A cookie banner of long sentences before a short police report: it
     * outweighs the report unless it is known for what it is. An article
     * that merely mentions cookies stays. */
    const char s[] =
        "Wir verwenden Technologien wie Cookies, um Ger\xc3\xa4teinformationen zu speichern und darauf zuzugreifen. "
        "Wir tun dies, um das Browsing-Erlebnis zu verbessern und um personalisierte Werbung anzuzeigen. Wenn du nicht "
        "zustimmst oder die Zustimmung widerrufst, kann dies bestimmte Merkmale und Funktionen beeintr\xc3\xa4" "chtigen.\n"
        "Die technische Speicherung oder der Zugriff ist erforderlich, um Nutzerprofile zu erstellen, um Werbung zu "
        "versenden oder um den Nutzer auf einer Website zu \xc3\xa4hnlichen Marketingzwecken zu verfolgen, wenn du "
        "der Verwendung von Cookies durch unsere Partner zustimmst.\n"
        "Hund vertreibt Einbrecher\n"
        "Am Dienstag gegen Mitternacht kam es in der Nordstra\xc3\x9f" "e zu einem versuchten Einbruch.\n"
        "Der Hund des Bewohners schlug an, und zwei Gestalten rannten davon, als er nach dem Rechten sah.\n"
        "Die Polizei bittet Zeugen, sich zu melden.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "versuchten Einbruch"));
    assert_true(body_has(&a, "Zeugen"));
    assert_false(body_has(&a, "Cookies"));
    assert_false(body_has(&a, "Nutzerprofile"));
    article_free(&a);
}

static void test_clean_drops_a_consent_dialog_naming_the_gdpr(void **state)
{
    (void)state;
    /* a consent dialog's notes on each service, long and said once per
     * service, name the GDPR rather than cookies: they outweigh a short
     * report unless the law's name counts among the banner's words */
    const char s[] =
        "Home\nNews\n"
        "Bakery reopens after the flood\n"
        "The bakery on the market square opened again on Monday, three months after the river flooded its cellar.\n"
        "The owners said the new ovens stand on the ground floor now, where the water cannot reach them.\n"
        "Imprint\nPrivacy\n"
        "Rechtsgrundlage f\xc3\xbcr die \xc3\x9c" "bermittlung in die USA: Der Anbieter \xc3\xbc" "bermittelt Ihre "
        "personenbezogenen Daten in die USA. Die Rechtsgrundlage daf\xc3\xbcr ist Ihre Einwilligung nach Art. 49 "
        "DSGVO. Die USA haben kein den Standards der EU entsprechendes Datenschutzniveau, und Beh\xc3\xb6rden dort "
        "k\xc3\xb6nnen auf Ihre Angaben zugreifen, ohne dass Sie davon erfahren.\n"
        "Switch Video\n"
        "Rechtsgrundlage f\xc3\xbcr die \xc3\x9c" "bermittlung in die USA: Der Dienst \xc3\xbc" "bermittelt Ihre "
        "personenbezogenen Daten in die USA. Die Rechtsgrundlage daf\xc3\xbcr ist Ihre Einwilligung nach Art. 49 "
        "DSGVO. Die USA haben kein den Standards der EU entsprechendes Datenschutzniveau, und Beh\xc3\xb6rden dort "
        "k\xc3\xb6nnen auf Ihre Angaben zugreifen, ohne dass Sie davon erfahren.\n"
        "Accept all\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "flooded its cellar"));
    assert_true(body_has(&a, "new ovens"));
    assert_false(body_has(&a, "DSGVO"));
    article_free(&a);
}

static void test_clean_tags_end_the_text(void **state)
{
    (void)state;
    /* the article's keywords under it ("Schlagworte", "Tags") end it: the
     * teasers after them, a summary each, are other stories */
    const char s[] =
        "Home\nNews\n"
        "Harbour gets a new ferry\n"
        "The town's harbour will get an electric ferry next spring, the council decided on Thursday after a long debate.\n"
        "The ferry will carry up to two hundred passengers and forty bicycles across the bay, every half hour in summer.\n"
        "It replaces a diesel boat that has been in service for more than forty years and often broke down last season.\n"
        "Schlagworte\nHarbour\nFerry\n"
        "Market\n"
        "The weekly market moves to the station square while the old hall is being repaired this winter.\n"
        "Sport\n"
        "The local football club has found a new coach, a former player who led the youth team for six years.\n"
        "Culture\n"
        "The summer festival announces its programme, with more concerts in the park and a night of open studios.\n"
        "Subscribe\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "electric ferry"));
    assert_true(body_has(&a, "diesel boat"));
    assert_false(body_has(&a, "weekly market"));
    assert_false(body_has(&a, "new coach"));
    assert_false(body_has(&a, "summer festival"));
    article_free(&a);
}

static void test_clean_drops_a_notice_that_use_means_consent(void **state)
{
    (void)state;
    /* a blog's notice that using the site means agreeing to its cookies
     * closes the page right under the text */
    const char s[] =
        "Home\nAbout\n"
        "A week on the old canal\n"
        "We rented a narrow boat for a week and went along the old canal, twelve locks a day at a walking pace.\n"
        "The lock keepers were friendly and showed us how to work the gates without wasting the water.\n"
        "In the evenings we moored at village pubs, and twice we were the only boat for miles.\n"
        "Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use. To "
        "find out more, including how to control cookies, see here: Cookie Policy\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "narrow boat"));
    assert_true(body_has(&a, "village pubs"));
    assert_false(body_has(&a, "Privacy"));
    assert_false(body_has(&a, "continuing to use"));
    article_free(&a);
}

static void test_clean_drops_a_newsletter_box_under_the_text(void **state)
{
    (void)state;
    /* a newsletter's box under the text: its heading is chrome, its pitch
     * and its note on consent are short sentences that would join the text */
    const char s[] =
        "Home\nTutorials\n"
        "Sorting a table by two columns\n"
        "To sort a table by two columns, pass both names to the sort function, the first one being the one that "
        "decides.\n"
        "Rows with the same value in the first column are then ordered by the second, from the smallest value to the "
        "largest.\n"
        "To sort the second column from the largest value down, give it a minus sign, which works for numbers as well as "
        "for dates.\n"
        "Newsletter\n"
        "Regular tips on tables, charts and numbers, straight from our team.\n"
        "Sign up now\n"
        "By signing up I accept that my address is kept for sending the letter.\n"
        "About\nContact\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "two columns"));
    assert_true(body_has(&a, "minus sign"));
    assert_false(body_has(&a, "Regular tips"));
    assert_false(body_has(&a, "By signing up"));
    article_free(&a);
    /* a news site's sign-up line inside the text, the story's last
     * sentences after it and no button or note of a box: the text */
    const char t[] =
        "Home\nNews\n"
        "Two die in crash on the coast road\n"
        "Two women died on Sunday when the car they were travelling in collided with another on the coast road.\n"
        "Police say the driver of the second car, the only one on board, was not hurt and has spoken to officers.\n"
        "The road was closed for four hours while the scene was cleared and the cars were taken away for checks.\n"
        "Headlines Delivered to Your Inbox\n"
        "Sign up for our morning and evening newsletters.\n"
        "All five people were taken to hospital where the two women were pronounced dead.\n"
        "The other three were admitted.\n";
    article_t c = {0};
    clean_ok(t, &c);
    assert_true(body_has(&c, "pronounced dead"));
    assert_true(body_has(&c, "other three were admitted"));
    article_free(&c);
}

static void test_clean_drops_download_links_with_file_sizes(void **state)
{
    (void)state;
    /* links to downloads under the text name the file's size after a
     * bracket, a bar or a comma; a size in the text's own words stays */
    const char s[] =
        "Home\nTaxes\n"
        "New rules for tobacco duty\n"
        "From January the duty on heated tobacco is charged by weight, as it has been for pipe tobacco for years.\n"
        "Small importers must now register before their first delivery, and the form for it is 3,5 MB as a scan.\n"
        "The office will answer questions by telephone until the end of March and publish the answers it gives most.\n"
        "Notes for small traders and importers from abroad on registering and paying the duty. As of 1. October (PDF, "
        "120 KB, not accessible)\n"
        "The rates for each kind of tobacco and the dates from which they are charged. Table of 12. May PDF | 38 KB\n"
        "Contact\nImprint\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "charged by weight"));
    assert_true(body_has(&a, "3,5 MB as a scan"));
    assert_false(body_has(&a, "Notes for small traders"));
    assert_false(body_has(&a, "Table of 12. May"));
    article_free(&a);
}

static void test_clean_drops_the_links_of_a_box_inside_the_text(void **state)
{
    (void)state;
    /* a "Related" box between the paragraphs: the text goes on after it,
     * and the box's headlines go with its heading */
    const char s[] =
        "Home\nBusiness\n"
        "Brewery plans to halve its water use\n"
        "The brewery on the river said on Monday that it will halve the water it uses for each litre of beer by 2030.\n"
        "Most of the saving is to come from cleaning the tanks with steam instead of water, a method tried last year.\n"
        "The brewery also wants to catch rain on the roofs of its warehouses and use it for washing the bottles.\n"
        "Related\n"
        "Dairy opens a new plant in the north\n"
        "Bakers warn of rising flour prices\n"
        "Farmers fear a dry summer\n"
        "The plans were welcomed by the town council, which has asked the larger firms in the valley for some years to "
        "use less of the river's water, since the level in summer has been falling for a long time now.\n"
        "A spokesman for the brewery said that the new tanks would be paid for by the savings within six years.\n"
        "Comments\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "halve the water"));
    assert_true(body_has(&a, "welcomed by the town council"));
    assert_true(body_has(&a, "within six years"));
    assert_false(body_has(&a, "Dairy opens"));
    assert_false(body_has(&a, "flour prices"));
    assert_false(body_has(&a, "dry summer"));
    article_free(&a);
    /* under the box's headlines a label opens the text's own list: the
     * list is the text's */
    const char t[] =
        "Home\nGarden\n"
        "How to build a terrarium\n"
        "A glass cloche over a shallow dish makes a small garden that needs water only once a month or even less.\n"
        "Succulents and moss do well in it, as long as the glass stands in light but out of the midday sun.\n"
        "The plants keep the air under the glass damp, so that the moss stays green through the winter in a warm "
        "room without any care at all.\n"
        "A flea market is a good place to look for an old cloche, and a saucer from a flower pot will do for the "
        "dish if it is wide enough.\n"
        "Other People Are Reading\n"
        "Plant Terrarium Ideas\n"
        "What You'll Need:\n"
        "Cloche\n"
        "Planter saucer\n"
        "Floral foam\n"
        "Tweezers\n"
        "Cut the foam to the size of the saucer and press it in, then set the plants in it with the tweezers, the "
        "tallest at the back so that all of them can be seen through the glass.\n"
        "Cover the foam with moss, put the cloche over it and water through a gap once the moss feels dry.\n"
        "Small stones, shells or a figure can go between the plants, but leave room for the air to move under the "
        "glass.\n"
        "Turn the dish a little every week so that the plants do not all lean towards the window in the end.\n"
        "Comments\n";
    article_t c = {0};
    clean_ok(t, &c);
    assert_true(body_has(&c, "Planter saucer"));
    assert_true(body_has(&c, "Tweezers"));
    assert_false(body_has(&c, "Plant Terrarium Ideas"));
    assert_true(body_has(&c, "water through a gap"));
    article_free(&c);
}

static void test_clean_drops_a_bar_of_links(void **state)
{
    (void)state;
    /* a breadcrumb or a bar of links, parts of a few words between bars,
     * is the site's, however close to the text; a sentence with one bar
     * in it stays */
    const char s[] =
        "Home\nShop\n"
        "Tidy in a weekend\n"
        "Start with the room you use most, and take out everything you have not touched in a year, one shelf at a time.\n"
        "Start|Magazine|Cleaning tips|Tidy in a weekend\n"
        "Keep a box for what you want to give away and take it to the charity shop on the same day | before you change "
        "your mind.\n"
        "On the second day, give everything that is left a fixed place, so that putting it back takes no thought.\n"
        "Imprint | Privacy | Terms\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "room you use most"));
    assert_true(body_has(&a, "before you change"));
    assert_false(body_has(&a, "Cleaning tips"));
    assert_false(body_has(&a, "Privacy"));
    article_free(&a);
}

static void test_clean_a_line_of_tags_ends_the_text(void **state)
{
    (void)state;
    /* the keywords on a line of their own, however many, end the text:
     * what follows them is the writer's box and the comments */
    const char s[] =
        "Home\nMusic\n"
        "The song that saved the band\n"
        "By the spring of that year the band had not had a hit for four years, and the label was ready to let them go.\n"
        "Then a demo that nobody had wanted reached the radio, and within a month it was played every hour of the day.\n"
        "The sisters have said since that they never liked the song, but that it paid for everything they did later.\n"
        "Tags: music, eighties, ballads, radio, sisters, labels, hits\n"
        "JANE DOE has played in more bands than she can count and has written about most of them, some of them kindly, "
        "and she still keeps a box of tapes under her bed that nobody is allowed to hear.\n"
        "Contact\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "had not had a hit"));
    assert_true(body_has(&a, "paid for everything"));
    assert_false(body_has(&a, "eighties"));
    assert_false(body_has(&a, "box of tapes"));
    article_free(&a);
}

static void test_clean_drops_a_line_and_its_longer_copy(void **state)
{
    (void)state;
    /* a picture's description, then its caption that starts with the same
     * words and adds more: neither is the text's */
    const char s[] =
        "Home\nTravel\n"
        "A mill comes back to life\n"
        "After forty years of silence the old mill on the river grinds flour again, run by a group of volunteers.\n"
        "They spent three winters repairing the wheel and the stones, most of it by hand and with wood from the valley.\n"
        "The volunteers worked on the roof at last\n"
        "The volunteers worked on the roof at last, in the summer of the third year when the weather held.\n"
        "Visitors can watch the stones turn on Sundays and buy the flour in the shop next to the mill.\n"
        "The group hopes to pay for the upkeep from the sales and to train younger people to run the mill.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "forty years of silence"));
    assert_true(body_has(&a, "stones turn on Sundays"));
    assert_false(body_has(&a, "worked on the roof"));
    article_free(&a);
    /* a heading over a paragraph that opens with its words: the paragraph
     * goes on with the same sentence, or says more than one; both are the
     * text */
    const char t[] =
        "Home\nPeople\n"
        "Actors who changed the stage\n"
        "Some of the best known actors of our time found their calling early, and a few of them on a school stage.\n"
        "Jesse Tyler Ferguson\n"
        "Jesse Tyler Ferguson chose acting at the age of eight and has made his place in theatre and on television.\n"
        "His part in a long running comedy made him known far beyond the stages of New York where he started out.\n"
        "Ian McKellen on stage\n"
        "Ian McKellen on stage is a sight to behold. He has played every great part of the classic theatre.\n"
        "He was knighted for his work in the theatre long before the films made his face known around the world.\n";
    article_t c = {0};
    clean_ok(t, &c);
    assert_true(body_has(&c, "chose acting at the age of eight"));
    assert_true(body_has(&c, "a sight to behold"));
    article_free(&c);
}

static void test_clean_text_ends_at_the_page_footer(void **state)
{
    (void)state;
    /* the page's copyright notice near its end, among the footer's links:
     * the text after it (a page kept hidden, a dialog) is not the
     * article's, however much it weighs */
    const char s[] =
        "Home\nNews\nSport\nCulture\nBusiness\nWeather\nTravel\nOpinion\nVideo\nPhotos\nPodcasts\nEvents\nJobs\n"
        "Shop\nArchive\nLetters\nPuzzles\nObituaries\nNotices\nSubscribe\n"
        "Harbour festival draws record crowds\n"
        "More than forty thousand people came to the harbour festival over the weekend, more than in any year since it "
        "began in the seventies.\n"
        "The organisers had added a second stage on the old pier, where local bands played until midnight on both days.\n"
        "Traders at the fish market said they had sold out by noon on Saturday, and several restaurants ran out of food.\n"
        "Police reported a quiet weekend, with a few lost children and one boat that drifted from its mooring.\n"
        "Contact\nAbout us\n"
        "Copyright 2021 The Harbour Times. All rights reserved.\n"
        "Training programme\n"
        "The training programme gives new officers a year of instruction in leadership, law and the handling of "
        "equipment, followed by service at sea.\n"
        "Cadets spend the first months at the academy in the hills, where the course has been held since the old "
        "barracks were rebuilt after the war.\n"
        "The programme ends with a parade and the award of the sword of honour to the best cadet of the year.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "forty thousand people"));
    assert_true(body_has(&a, "drifted from its mooring"));
    assert_false(body_has(&a, "training programme"));
    assert_false(body_has(&a, "sword of honour"));
    article_free(&a);
}

static void test_clean_drops_a_bar_of_links_between_dashes(void **state)
{
    (void)state;
    /* the parts of a bar of links may stand between dashes or dots; a
     * sentence with dashes in it stays */
    const char s[] =
        "Home\nBlog\n"
        "Copying from the terminal\n"
        "For the first time in years I work on a Linux machine, and most things went well from the first day on.\n"
        "Notes \xe2\x80\x93 Books \xe2\x80\x93 Travels \xe2\x80\x93 Gardens\n"
        "Copying text from the terminal to the clipboard was not one of them – it took me an afternoon to find out.\n"
        "In the end a single line in the configuration file did it, and I share it here for the next one who looks.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Linux machine"));
    assert_true(body_has(&a, "an afternoon"));
    assert_false(body_has(&a, "Travels"));
    article_free(&a);
    /* an award list whose lines set a category and its winner apart with
     * dashes is the text (a BBC article's paragraphs, a blank line apart) */
    const char t[] = "Children vote for their film of the year\n\n"
                     "More than 6,000 children voted in the only category that was chosen by the young fans.\n\n"
                     "The experts named another film, and a Saturday morning show won two awards.\n\n"
                     "Schools' Factual (primary) - Thinking Skills: Think About It - Hiding Places\n\n"
                     "Animation - Brush Head\n\n"
                     "Drama - Featherboy\n";
    article_t c = {0};
    clean_ok(t, &c);
    assert_true(body_has(&c, "Hiding Places"));
    assert_true(body_has(&c, "Featherboy"));
    article_free(&c);
}

static void test_clean_keeps_a_live_ticker_together(void **state)
{
    (void)state;
    /* a live ticker's entries, each under its minute, the same minute
     * twice at times: the stamps are neither chrome nor repeats, and the
     * ticker's first entry stays */
    const char s[] =
        "Home\nFootball\n"
        "Live: Lorient against Lyon\n"
        "90'\n"
        "The referee ends the match, and Lyon keep the three points after a long evening in the rain.\n"
        "80'\n"
        "Lorient press for an equaliser, but the last cross of the evening goes over everyone's head.\n"
        "62'\n"
        "Lyon score from a corner: the header from the far post leaves the goalkeeper no chance at all.\n"
        "35'\n"
        "A long spell of possession for Lyon, who pass the ball around the back without finding a way through.\n"
        "7'\n"
        "A fine chance for Lorient from a free kick, but the keeper pushes it away.\n"
        "7'\n3'\n"
        "Both sides feel their way into the match.\n"
        "1'\nKick-off\n"
        "Football\nTennis\nRugby\nFootball\nTennis\nRugby\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "three points"));
    assert_true(body_has(&a, "free kick"));
    assert_true(body_has(&a, "feel their way"));
    assert_false(body_has(&a, "Rugby"));
    article_free(&a);
}

static void test_clean_title_is_not_a_caption_with_its_credit(void **state)
{
    (void)state;
    /* a picture's caption that ends in its credit is no headline, even the
     * only short line over the text */
    const char s[] =
        "Home\n"
        "Der Marktplatz bei Nacht (Foto: Stadtarchiv/Jana Berg)\n"
        "Seit Montag gibt es in der ganzen Altstadt ein freies Netz, bezahlt von der Stadt und dem Verein der "
        "H\xc3\xa4ndler.\n"
        "Wer sich anmelden will, w\xc3\xa4hlt das Netz der Stadt und nimmt die Bedingungen an; Name und Adresse werden "
        "nicht verlangt.\n"
        "In der Nacht wird das Netz zwischen zwei und f\xc3\xbcnf Uhr abgeschaltet, wenn es gewartet wird.\n"
        "Kontakt\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_non_null(a.title);
    assert_null(strstr(a.title, "Foto"));
    assert_true(body_has(&a, "freies Netz"));
    article_free(&a);
}

static void test_clean_drops_a_breadcrumb_between_arrows(void **state)
{
    (void)state;
    /* a breadcrumb's parts between arrows; French quotes are no arrows */
    const char s[] =
        "Home\nRecipes\n"
        "Peanut butter truffles\n"
        "These truffles need no baking and only four things, and they keep for a week in the fridge.\n"
        "Home \xc2\xbb Vegan desserts \xc2\xbb Sweets without baking \xc2\xbb Peanut butter truffles\n"
        "Mix the peanut butter with the syrup and the oats, then roll the mass into small balls with wet hands.\n"
        "Dip the balls in melted chocolate and let them set on a sheet of paper for an hour; a critic called them "
        "\xc2\xab les meilleures \xc2\xbb of the season.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "no baking"));
    assert_true(body_has(&a, "les meilleures"));
    assert_false(body_has(&a, "Sweets without baking"));
    article_free(&a);
}

static void test_clean_drops_player_buttons_inside_the_text(void **state)
{
    (void)state;
    /* a video player between paragraphs leaves its buttons as short lines,
     * which the text keeps no longer than a list's items would be */
    const char s[] =
        "Home\nNews\n"
        "Night trains return to the valley\n"
        "The night train to the mountains ran again on Friday for the first time in twelve years, with every sleeper sold out.\n"
        "Rail staff said most passengers were families going skiing, and that many had booked as soon as the tickets went on sale.\n"
        "Play\nMute\nFull Screen\nSkip Ad\n"
        "Powered by Example.com\nDisclosures Example.com\n"
        "The operator plans to run the train three nights a week until the end of March and then decide whether to keep it.\n"
        "A return ticket costs about the same as a night in a hotel, which the company says is what makes the train worth taking.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "three nights a week"));
    assert_false(body_has(&a, "Mute"));
    assert_false(body_has(&a, "Skip Ad"));
    assert_false(body_has(&a, "Example.com"));
    article_free(&a);
}

static void test_clean_rating_widget_after_a_share_line_is_left_out(void **state)
{
    (void)state;
    /* under the text, a share prompt, then a rating widget: a question and
     * a star per line, each line "counted" like a list's row; a line of
     * chrome outweighs what such a widget adds to the run */
    const char s[] =
        "Garden birds in winter\n"
        "A feeder near a window brings blackbirds, robins and tits within sight all winter, and the birds soon "
        "learn when it is filled.\n"
        "Fat balls should hang in a net-free holder, since the birds can catch their feet in the thin plastic mesh.\n"
        "Fresh water matters as much as food on frosty mornings, when ponds and puddles freeze over before dawn.\n"
        "Would you like to share this article?\n"
        "Was this article useful?\n"
        "1 star\n2 stars\n3 stars\n4 stars\n5 stars\n"
        "(95 votes: 4.7 out of 5)\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Fresh water"));
    assert_false(body_has(&a, "useful"));
    assert_false(body_has(&a, "stars"));
    article_free(&a);
}

static void test_clean_price_notices_are_no_comment_list(void **state)
{
    (void)state;
    /* product boxes inside the text, each with a notice and the time its
     * price was read: a sentence before the stamp, which no comment or
     * feed item has, so the boxes do not end the text as a dated list */
    const char s[] =
        "Wooden toys for small children\n"
        "Small children want to touch, explore and try out everything they find, and most toys for them are made "
        "of plastic that blinks and beeps.\n"
        "Wooden toys do none of that, and that is the point: a child has to make the toy do something, which "
        "trains the hands and the patience.\n"
        "The teacher who first made such toys watched children of every age at play and built each toy for one "
        "skill at a time.\n"
        "Parents often ask which toys to buy first, and the answer is simple: the ones that leave the most work "
        "to the child, not to the batteries inside.\n"
        "Stacking rings\nStacking rings\n24.95 EUR at Example Shop\n"
        "Prices may have risen since. Price as of 02.01.2023 12:53\n"
        "Wooden rainbow\nWooden rainbow\n12.99 EUR at Example Shop\n"
        "Prices may have risen since. Price as of 02.01.2023 10:46\n"
        "Shape sorter\nShape sorter\n16.95 EUR at Example Shop\n"
        "Prices may have risen since. Price as of 02.01.2023 08:29\n"
        "Play arch\nPlay arch\n70.99 EUR at Example Shop\n"
        "Prices may have risen since. Price as of 02.01.2023 10:40\n"
        "For babies, a play arch is the first toy: they reach for the wooden rings that hang from it long before "
        "they can sit up on their own.\n"
        "Older children like puzzles and sorting games, which teach them colours, shapes and numbers without a "
        "word of instruction from anyone.\n"
        "Less is more, though: put a few toys out at a time and swap them every week or two, so that each one "
        "stays new and interesting.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "batteries inside"));
    assert_true(body_has(&a, "first toy"));
    assert_true(body_has(&a, "Less is more"));
    assert_false(body_has(&a, "Prices may"));
    article_free(&a);
}

static void test_clean_question_to_the_reader_does_not_end_the_text(void **state)
{
    (void)state;
    /* a short question under the last paragraph leads into a box after
     * the text (a newsletter's form, then the page's dates) */
    const char s[] =
        "Airline suppliers look for staff\n"
        "The makers of aircraft parts have more orders than they can fill, and most of them say the shortage of "
        "skilled workers is what holds them back this year.\n"
        "One supplier in the north hires abroad: it has brought engineers from four countries and pays for their "
        "language courses and their first months of rent.\n"
        "Its chief executive says the plant could grow by a third if it found another two hundred people, and that "
        "the company now trains its own apprentices as well.\n"
        "What do you think?\n"
        "First published\n31.10.2023\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "apprentices"));
    assert_false(body_has(&a, "What do you think"));
    article_free(&a);
}

static void test_clean_about_us_box_after_the_text_is_left_out(void **state)
{
    (void)state;
    /* the site's words on itself under an "Über uns" heading close the
     * page, as an author's box does */
    const char s[] =
        "Geschichte des Chors\n"
        "Der Chor wurde im Herbst 1968 von einem jungen Musiklehrer gegr\xc3\xbcndet, der in der Schule zwanzig "
        "Jungen f\xc3\xbcr ein Weihnachtskonzert zusammenrief.\n"
        "Aus dem einen Konzert wurden viele: Schon nach drei Jahren sang der Chor in den Kirchen der ganzen "
        "Region und nahm seine erste Schallplatte auf.\n"
        "Heute proben mehr als sechzig Kinder und Jugendliche zweimal in der Woche, und jedes Jahr f\xc3\xbchrt eine "
        "Konzertreise ins Ausland.\n"
        "\xc3\x9c" "ber uns\n"
        "Seit 50 Jahren sind wir der Knabenchor der Stadt, und wir freuen uns auf neue Stimmen.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Konzertreise"));
    assert_false(body_has(&a, "Seit 50 Jahren"));
    article_free(&a);
}

static void test_clean_box_on_the_blogs_writer_is_left_out(void **state)
{
    (void)state;
    /* "About Jane" over the writer's words on herself, under the post */
    const char s[] =
        "Fog soup\n"
        "The fog came in over the fields this morning so thick that the neighbour's barn vanished, and the dog "
        "refused to go further than the gate.\n"
        "I made tea and watched it from the kitchen window for an hour, which is the kind of morning I wish "
        "for all through the summer.\n"
        "By noon it had lifted, and the whole valley shone wet in a thin sun, as if someone had washed it while "
        "we were not looking.\n"
        "About Jane\n"
        "What I love: the man who shares the everyday madness with me, my two cats, long walks, good books and "
        "the small moments of luck that make a day worth writing about.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "washed it"));
    assert_false(body_has(&a, "What I love"));
    article_free(&a);
}

static void test_clean_share_and_print_buttons_in_more_languages(void **state)
{
    (void)state;
    /* a share button's label under the text, before the share bar that
     * ends it ("twittern", as "drukuj" and "imprimer" print a page) */
    const char s[] =
        "Urteil zum Kochbuch\n"
        "Die Kl\xc3\xa4gerin hatte die Rezepte in einem eigenen Kochbuch ver\xc3\xb6" "ffentlicht und sah in den Fotos des "
        "Verlags eine unerlaubte Bearbeitung ihrer Bilder.\n"
        "Das Gericht folgte ihr nicht: Ein Foto eines Gerichts sei nicht schon deshalb eine Bearbeitung, weil es "
        "dasselbe Gericht zeige.\n"
        "Die Revision der Beklagten ist daher mit der Ma\xc3\x9fgabe begr\xc3\xbc" "ndet, dass die Klage abgewiesen "
        "wird.\n"
        "twittern\n"
        "teilen\n"
        "mitteilen\n"
        "Das Landgericht hatte der Kl\xc3\xa4gerin zuvor nur einen Teil des verlangten Betrags zugesprochen, weil es "
        "die Fotos des Verlags f\xc3\xbcr Bilder eigener Art hielt, die mit den ihren wenig mehr als das Gericht "
        "teilten.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Revision"));
    assert_false(body_has(&a, "twittern"));
    article_free(&a);
}

static void test_clean_illustration_caption_is_left_out(void **state)
{
    (void)state;
    /* a French caption between two paragraphs: "Image illustrative : ..."
     * with the picture's licence */
    const char s[] =
        "Pour une recherche autonome\n"
        "La science se fonde sur la poursuite de la v\xc3\xa9rit\xc3\xa9 comme horizon commun, et elle a besoin "
        "pour cela de temps, de moyens et de r\xc3\xa8gles qu'elle se donne elle-m\xc3\xaame.\n"
        "La premi\xc3\xa8re condition est budg\xc3\xa9taire : pour encourager l'inventivit\xc3\xa9, il faut des "
        "cr\xc3\xa9" "dits r\xc3\xa9guliers plut\xc3\xb4t que des appels \xc3\xa0 projets.\n"
        "La deuxi\xc3\xa8me condition tient au temps, cette ressource pr\xc3\xa9" "alable \xc3\xa0 toute recherche, "
        "que les t\xc3\xa2" "ches administratives d\xc3\xa9vorent.\n"
        "Image illustrative : des figurines sur une table, par un photographe amateur, en licence libre\n"
        "La troisi\xc3\xa8me condition est une division minimale du travail savant, qui laisse \xc3\xa0 chacun le "
        "temps de lire ce que font les autres.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "administratives"));
    assert_false(body_has(&a, "figurines"));
    article_free(&a);
}

static void test_clean_one_sentence_page(void **state)
{
    (void)state;
    /* the only line is headline and body at once: kept, not refused */
    const char s[] = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_int_equal(a.nblocks, 1);
    assert_string_equal(a.blocks[0].text, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.");
    article_free(&a);
}

static void test_clean_a_number_alone_is_no_text(void **state)
{
    (void)state;
    /* Thai runs its words together without full stops, so its paragraphs
     * look like short lines; the line led by a number (a date without a
     * clock time) must not be taken for the text, and the page of a few
     * lines is kept as a note */
    const char s[] =
        "\xe0\xb8\x82\xe0\xb9\x88\xe0\xb8\xb2\xe0\xb8\xa7\n" /* ข่าว */
        "25 \xe0\xb8\x9e\xe0\xb8\xa4\xe0\xb8\xa8\xe0\xb8\x88\xe0\xb8\xb4\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\x99 2569\n" /* 25 พฤศจิกายน 2569 */
        /* ฝนตกหนักในเมืองเมื่อคืนนี้ ถนนหลายสายมีน้ำท่วมขัง */
        "\xe0\xb8\x9d\xe0\xb8\x99\xe0\xb8\x95\xe0\xb8\x81\xe0\xb8\xab\xe0\xb8\x99\xe0\xb8\xb1\xe0\xb8\x81\xe0\xb9\x83\xe0\xb8\x99"
        "\xe0\xb9\x80\xe0\xb8\xa1\xe0\xb8\xb7\xe0\xb8\xad\xe0\xb8\x87\xe0\xb9\x80\xe0\xb8\xa1\xe0\xb8\xb7\xe0\xb9\x88\xe0\xb8\xad"
        "\xe0\xb8\x84\xe0\xb8\xb7\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5\xe0\xb9\x89 \xe0\xb8\x96\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xab"
        "\xe0\xb8\xa5\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\xaa\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\xa1\xe0\xb8\xb5\xe0\xb8\x99\xe0\xb9\x89"
        "\xe0\xb8\xb3\xe0\xb8\x97\xe0\xb9\x88\xe0\xb8\xa7\xe0\xb8\xa1\xe0\xb8\x82\xe0\xb8\xb1\xe0\xb8\x87\n"
        /* เจ้าหน้าที่ออกมาช่วยระบายน้ำตั้งแต่เช้ามืด */
        "\xe0\xb9\x80\xe0\xb8\x88\xe0\xb9\x89\xe0\xb8\xb2\xe0\xb8\xab\xe0\xb8\x99\xe0\xb9\x89\xe0\xb8\xb2\xe0\xb8\x97\xe0\xb8\xb5"
        "\xe0\xb9\x88\xe0\xb8\xad\xe0\xb8\xad\xe0\xb8\x81\xe0\xb8\xa1\xe0\xb8\xb2\xe0\xb8\x8a\xe0\xb9\x88\xe0\xb8\xa7\xe0\xb8\xa2"
        "\xe0\xb8\xa3\xe0\xb8\xb0\xe0\xb8\x9a\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\x99\xe0\xb9\x89\xe0\xb8\xb3\xe0\xb8\x95\xe0\xb8\xb1"
        "\xe0\xb9\x89\xe0\xb8\x87\xe0\xb9\x81\xe0\xb8\x95\xe0\xb9\x88\xe0\xb9\x80\xe0\xb8\x8a\xe0\xb9\x89\xe0\xb8\xb2\xe0\xb8\xa1"
        "\xe0\xb8\xb7\xe0\xb8\x94\n";
    article_t a = {0};
    clean_ok(s, &a);
    /* ถนนหลายสาย: "many roads" */
    assert_true(body_has(&a, "\xe0\xb8\x96\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xab\xe0\xb8\xa5\xe0\xb8\xb2\xe0\xb8\xa2"));
    /* เช้ามืด: "before dawn" */
    assert_true(body_has(&a, "\xe0\xb9\x80\xe0\xb8\x8a\xe0\xb9\x89\xe0\xb8\xb2\xe0\xb8\xa1\xe0\xb8\xb7\xe0\xb8\x94"));
    article_free(&a);
}

static void test_clean_stops_at_a_comment_threads_heading(void **state)
{
    (void)state;
    /* a blog's thread opens with the post's title ("3 thoughts on “...”"),
     * longer than a heading, and its comments carry no dates */
    const char s[] =
        "Home\nBlog\n"
        "The loneliest woman in the world\n"
        "The song came out when I was fourteen, and I played it so often that my brother hid the record behind the radiator.\n"
        "It starts with a piano and a voice that sounds as if it is singing in an empty house at three in the morning.\n"
        "Then the drums come in, and the voice that was so quiet a moment ago fills the whole room and the street outside.\n"
        "I still cannot listen to it in the car, because I sing along and miss the turning every single time I hear it.\n"
        "Years later I saw her sing it live in a small hall, and the whole audience went quiet before the last chorus began.\n"
        "3 thoughts on \xe2\x80\x9cThe loneliest woman in the world: the song I played until the record wore out\xe2\x80\x9d\n"
        "I had exactly the same record and my mother hid it too, though she put it in the freezer, which did not help it.\n"
        "Leave a Reply\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "miss the turning"));
    assert_false(body_has(&a, "in the freezer"));
    assert_false(body_has(&a, "3 thoughts on"));
    article_free(&a);
}

static void test_clean_json_escaping(void **state)
{
    (void)state;
    char *s = json_of(put_str, "a\"b\\c\nd\te\x01" "f\xc3\xa9");
    assert_string_equal(s, "\"a\\\"b\\\\c\\nd\\te\\u0001f\xc3\xa9\"");
    free(s);
    s = json_of(put_str, NULL);
    assert_string_equal(s, "null");
    free(s);

    article_t a = {0};
    a.title = article_strndup("T \"q\"", 5);
    a.date = article_strndup("2023-08-26", 10);
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, "one", 3), 0);
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, "two\\", 4), 0);
    s = json_of(put_article, &a);
    assert_string_equal(s, "{\"title\": \"T \\\"q\\\"\", \"date\": \"2023-08-26\", \"section\": null, "
                           "\"source\": null, \"byline\": null, \"body\": [\"one\", \"two\\\\\"]}\n");
    free(s);
    article_free(&a);
}

/* Short paragraphs in Hindi and Urdu end in the danda and the Urdu full
 * stop: they are sentences, not menu lines (the Hindi page was "no article
 * text found", the Urdu one lost its first paragraph to its menu). */
static const char scrape_hindi[] =
    "मुख्य पृष्ठ\n"
    "देश\n"
    "विदेश\n"
    "खेल\n"
    "मनोरंजन\n"
    "\n"
    "शहर में नई बस सेवा शुरू\n"
    "\n"
    "संवाददाता | 2 दिसंबर 2026\n"
    "\n"
    "शहर में सोमवार से बीस नई बसें चलने लगीं। परिवहन विभाग ने बताया कि ये बसें बिजली से चलती हैं।\n"
    "\n"
    "यात्रियों ने नई सेवा का स्वागत किया। कई लोगों ने कहा कि अब दफ़्तर पहुँचना आसान होगा।\n"
    "\n"
    "स्कूल के बच्चों के लिए किराया आधा रहेगा।\n"
    "\n"
    "अगले महीने दस और बसें जोड़ी जाएँगी।\n"
    "\n"
    "हमें फ़ॉलो करें\n"
    "फ़ेसबुक\n"
    "ट्विटर\n"
    "कॉपीराइट © 2026 समाचार\n";
static const char scrape_urdu[] =
    "صفحہ اول\n"
    "پاکستان\n"
    "دنیا\n"
    "کھیل\n"
    "\n"
    "شہر میں نئی بس سروس شروع\n"
    "\n"
    "نامہ نگار | 2 دسمبر 2026\n"
    "\n"
    "شہر میں پیر سے بیس نئی بسیں چلنے لگیں۔ محکمہ ٹرانسپورٹ نے بتایا کہ یہ بسیں بجلی سے چلتی ہیں۔\n"
    "\n"
    "مسافروں نے نئی سروس کا خیر مقدم کیا۔ کئی لوگوں نے کہا کہ اب دفتر پہنچنا آسان ہوگا۔\n"
    "\n"
    "اگلے مہینے دس اور بسیں شامل کی جائیں گی۔\n"
    "\n"
    "ہمیں فالو کریں\n"
    "فیس بک\n"
    "کاپی رائٹ © 2026\n";

static void test_clean_sentence_ends_of_other_scripts(void **state)
{
    (void)state;
    article_t a = {0};
    clean_ok(scrape_hindi, &a);
    assert_int_equal(a.nblocks, 4);
    assert_true(body_has(&a, "\xe0\xa4\xac\xe0\xa4\xbf\xe0\xa4\x9c\xe0\xa4\xb2\xe0\xa5\x80")); /* बिजली */
    assert_false(body_has(&a, "\xe0\xa4\x96\xe0\xa5\x87\xe0\xa4\xb2")); /* the menu's खेल */
    article_free(&a);
    clean_ok(scrape_urdu, &a);
    assert_int_equal(a.nblocks, 3);
    assert_true(body_has(&a, "\xd8\xa8\xd8\xac\xd9\x84\xdb\x8c")); /* بجلی */
    assert_false(body_has(&a, "\xd9\x81\xdb\x8c\xd8\xb3 \xd8\xa8\xda\xa9")); /* the footer's فیس بک */
    article_free(&a);
}

static void test_clean_a_smiley_ends_a_sentence(void **state)
{
    (void)state;
    /* a blog post's last line ends in a face, not a full stop: it is a
     * sentence of the text, not a short line of the footer */
    const char s[] =
        "Blog\nAbout\nContact\n"
        "Running in winter\n"
        "Posted on 10 February 2019 by Anna\n"
        "It is strange how much a view can change within twelve months, and mine on running in the dark has.\n"
        "Last winter, running outside in the cold and the dark was about the last thing I wanted to do after work.\n"
        "Now I like it when it is windy and wet outside, and I go out when everyone else stays on the sofa.\n"
        "Afterwards you feel like a hero of sorts, and I like that a lot \xf0\x9f\x98\x89\n"
        "Views: 1432\nShare:\nFacebook\nTwitter\nWhatsApp\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "running in the dark"));
    assert_true(body_has(&a, "I like that a lot"));
    assert_false(body_has(&a, "Views"));
    article_free(&a);
    /* a face drawn in signs, a closing bracket after it */
    const char t[] =
        "Blog\nAbout\nContact\n"
        "Running in winter\n"
        "Posted on 10 February 2019 by Anna\n"
        "It is strange how much a view can change within twelve months, and mine on running in the dark has.\n"
        "Last winter, running outside in the cold and the dark was about the last thing I wanted to do after work.\n"
        "Now I like it when it is windy and wet outside, and I go out when everyone else stays on the sofa.\n"
        "And sorry for the mistake about the weather (if you found it at all ;-) )\n"
        "Views: 1432\nShare:\nFacebook\nTwitter\nWhatsApp\n";
    clean_ok(t, &a);
    assert_true(body_has(&a, "sorry for the mistake"));
    article_free(&a);
}

static void test_clean_author_note_over_the_text(void **state)
{
    (void)state;
    /* the author's box stands over the text and again under it: neither
     * copy is the article's, nor is the first its standfirst */
    const char s[] =
        "Home\nEssays\nAuthors\n"
        "The state of exception\n"
        "Jane Miller\n"
        "Jane Miller teaches modern history at the University of Leeds and is the co-founder of this magazine.\n"
        "It looks like a biopolitical dream: governments advised by doctors order whole populations to stay at home for weeks.\n"
        "The only problem is that the claim does not survive a look at how badly the same governments failed at the start.\n"
        "Foucault's idea of biopolitics was never about a state that knows everything, but about one that counts and cares.\n"
        "What we see now is rather an old state of exception, with all the powers it gives to those who run it.\n"
        "Jane Miller\n"
        "Jane Miller teaches modern history at the University of Leeds and is the co-founder of this magazine.\n"
        "Share\nTwitter\nFacebook\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "biopolitical dream"));
    assert_true(body_has(&a, "old state of exception"));
    assert_false(body_has(&a, "teaches modern history"));
    article_free(&a);
}

static void test_clean_text_goes_on_after_a_box_of_links(void **state)
{
    (void)state;
    /* a "Related" box of three headlines inside the article, its last
     * paragraph after it and the page's own list of further reading */
    const char s[] =
        "News\nReviews\nStorage\n"
        "Bigger hard drives are on their way\n"
        "As the world's demand for storage keeps growing, so does the need to find the next jump in how densely a disk "
        "can hold its data.\n"
        "A Japanese maker of platters says it has found a way to hold several times as much data on each of them as "
        "today's drives do.\n"
        "The method heats the disk for a moment while the data is written, which makes the material take the magnetic "
        "pattern far more readily.\n"
        "Related\n"
        "Microsoft Is Using DNA to Store Our Data\n"
        "We Can Watch Old Films for Thousands of Years\n"
        "Drive Maker Will Ship 20TB Hard Drives Next Year\n"
        "Drives of today hold a little over one terabit per square inch, but the company believes its new platters "
        "can hold four or five times that much, and that means a drive of eighty terabytes is possible in theory, "
        "though the first drives built on the new platters will be much smaller than that and will not reach the "
        "shops before next year.\n"
        "Further Reading\n"
        "Maker Launches New SSDs in Capacities Up to 8TB\n"
        "A Tiny 512GB USB Stick Goes on Sale\n"
        "New Memory Card Spec Promises Faster Transfers\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "demand for storage"));
    assert_true(body_has(&a, "eighty terabytes"));
    assert_false(body_has(&a, "Tiny 512GB"));
    article_free(&a);
}

static void test_clean_line_leading_into_the_text(void **state)
{
    (void)state;
    /* a salutation or a label that ends in a colon or a comma leads into
     * the text after it; a line of tags does not */
    const char s[] =
        "Home\nServices\nContact\n"
        "Dear visitors,\n"
        "we are a small shop for computer repairs in the old town, and we have been looking after the machines of our "
        "neighbours for twenty years.\n"
        "Whatever the trouble with your computer is, bring it in and we will tell you what it costs before we start.\n"
        "We also set up new machines, move your data from the old one and show you around the new system.\n"
        "Opening hours\nImprint\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "Dear visitors"));
    assert_true(body_has(&a, "computer repairs"));
    article_free(&a);
    const char t[] =
        "Home\nNews\n"
        "Court rules on recipes\n"
        "Tags: law, cookbooks, copyright\n"
        "The court held that a recipe as such is not protected, since it only lists ingredients and the steps to "
        "follow.\n"
        "The photographs in a cookbook are another matter, and a blog that copies them needs the photographer's "
        "leave.\n"
        "The ruling can still be appealed, and the publisher has said that it will take the case further.\n";
    clean_ok(t, &a);
    assert_true(body_has(&a, "recipe as such"));
    assert_false(body_has(&a, "Tags"));
    article_free(&a);
}

static void test_clean_short_line_beside_chrome_goes_with_it(void **state)
{
    (void)state;
    /* between two paragraphs a share bar and a box's label ("Travel deals")
     * stand together: the label goes with the bar; a subheading over the
     * next paragraph stays */
    const char s[] =
        "Home\nIndustry\n"
        "Airlines expect a slow recovery\n"
        "The airlines of the region expect their traffic to reach the level of before the crisis only in three years.\n"
        "Most of them have cut routes and staff, and several have asked the state for loans to see them through.\n"
        "Share on Facebook\n"
        "Travel deals of the week\n"
        "Share on Twitter\n"
        "Freight holds up\n"
        "Freight has done better than passengers: cargo flights carried nearly as much as before, and prices rose.\n"
        "The industry's association says that the cargo business alone kept some of the smaller airlines afloat.\n"
        "Newsletter\nImprint\n";
    article_t a = {0};
    clean_ok(s, &a);
    assert_true(body_has(&a, "three years"));
    assert_true(body_has(&a, "smaller airlines afloat"));
    assert_true(body_has(&a, "Freight holds up"));
    assert_false(body_has(&a, "Travel deals"));
    article_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_seed_matches_gold),
        cmocka_unit_test(test_clean_title_without_header),
        cmocka_unit_test(test_clean_title_over_a_repeated_share_label),
        cmocka_unit_test(test_clean_latin1_decoded),
        cmocka_unit_test(test_clean_utf8_kept_bom_and_controls_removed),
        cmocka_unit_test(test_clean_refuses_empty_and_binary),
        cmocka_unit_test(test_clean_survives_odd_bytes),
        cmocka_unit_test(test_clean_repeated_lines_dropped),
        cmocka_unit_test(test_clean_plain_article_kept_whole),
        cmocka_unit_test(test_clean_json_escaping),
        cmocka_unit_test(test_clean_scrape_gets_typography),
        cmocka_unit_test(test_clean_stops_at_related_stories),
        cmocka_unit_test(test_clean_stops_before_dated_comments),
        cmocka_unit_test(test_clean_article_after_a_list_of_dated_teasers),
        cmocka_unit_test(test_clean_keeps_an_ingredient_list),
        cmocka_unit_test(test_clean_drops_a_lone_paragraph_after_the_chrome),
        cmocka_unit_test(test_clean_keeps_the_last_paragraph_after_a_picture),
        cmocka_unit_test(test_clean_drops_the_sites_words_after_a_gap_of_chrome),
        cmocka_unit_test(test_clean_short_post_before_a_heavier_comment),
        cmocka_unit_test(test_clean_recipe_before_a_heavier_footer),
        cmocka_unit_test(test_clean_call_to_follow_closing_the_text),
        cmocka_unit_test(test_clean_author_note_before_a_lone_paragraph),
        cmocka_unit_test(test_clean_disclosure_in_a_scrape),
        cmocka_unit_test(test_clean_post_before_its_comments_and_footer),
        cmocka_unit_test(test_clean_previous_and_next_article_links),
        cmocka_unit_test(test_clean_more_tail_headings),
        cmocka_unit_test(test_clean_rights_reserved_in_other_languages),
        cmocka_unit_test(test_clean_joins_hard_wrapped_lines),
        cmocka_unit_test(test_clean_text_goes_on_after_a_list_of_short_lines),
        cmocka_unit_test(test_clean_a_number_alone_is_no_text),
        cmocka_unit_test(test_clean_stops_at_a_comment_threads_heading),
        cmocka_unit_test(test_clean_teaser_given_twice_in_a_row_is_chrome),
        cmocka_unit_test(test_clean_stops_at_related_with_summaries),
        cmocka_unit_test(test_clean_keeps_a_list_inside_the_text),
        cmocka_unit_test(test_clean_keeps_headings_the_contents_list_repeats),
        cmocka_unit_test(test_clean_short_sentences_in_other_languages),
        cmocka_unit_test(test_clean_subtitle_under_the_headline),
        cmocka_unit_test(test_clean_no_subtitle_from_a_dateline_or_a_slug),
        cmocka_unit_test(test_clean_date_line_in_other_scripts),
        cmocka_unit_test(test_clean_intro_before_a_contents_list),
        cmocka_unit_test(test_clean_author_note_after_the_text),
        cmocka_unit_test(test_clean_keeps_table_cells_inside_the_text),
        cmocka_unit_test(test_clean_title_is_the_line_before_the_byline),
        cmocka_unit_test(test_clean_title_is_not_a_gallery_or_an_attribution),
        cmocka_unit_test(test_clean_title_names_what_the_text_is_about),
        cmocka_unit_test(test_clean_gallery_title_over_each_slide_once),
        cmocka_unit_test(test_clean_box_heading_in_a_page_ends_at_the_next_heading),
        cmocka_unit_test(test_clean_platform_names_are_chrome_only_in_a_few_words),
        cmocka_unit_test(test_clean_drops_player_buttons_inside_the_text),
        cmocka_unit_test(test_clean_rating_widget_after_a_share_line_is_left_out),
        cmocka_unit_test(test_clean_price_notices_are_no_comment_list),
        cmocka_unit_test(test_clean_question_to_the_reader_does_not_end_the_text),
        cmocka_unit_test(test_clean_about_us_box_after_the_text_is_left_out),
        cmocka_unit_test(test_clean_box_on_the_blogs_writer_is_left_out),
        cmocka_unit_test(test_clean_share_and_print_buttons_in_more_languages),
        cmocka_unit_test(test_clean_illustration_caption_is_left_out),
        cmocka_unit_test(test_clean_drops_a_consent_banner),
        cmocka_unit_test(test_clean_teasers_and_tail_headings_in_other_languages),
        cmocka_unit_test(test_clean_one_sentence_page),
        cmocka_unit_test(test_clean_teasers_and_source_line_in_paragraph_layout),
        cmocka_unit_test(test_clean_chrome_lines_after_the_text_are_not_joined_to_it),
        cmocka_unit_test(test_clean_credits_in_a_scrape_as_in_a_page),
        cmocka_unit_test(test_clean_title_not_a_breadcrumb_or_a_link_on),
        cmocka_unit_test(test_clean_standfirst_between_headline_and_text),
        cmocka_unit_test(test_clean_standfirst_under_the_first_headline),
        cmocka_unit_test(test_clean_sentence_ends_of_other_scripts),
        cmocka_unit_test(test_clean_a_smiley_ends_a_sentence),
        cmocka_unit_test(test_clean_author_note_over_the_text),
        cmocka_unit_test(test_clean_text_goes_on_after_a_box_of_links),
        cmocka_unit_test(test_clean_title_is_not_a_line_of_figures),
        cmocka_unit_test(test_clean_line_leading_into_the_text),
        cmocka_unit_test(test_clean_short_line_beside_chrome_goes_with_it),
        cmocka_unit_test(test_clean_drops_a_consent_dialog_naming_the_gdpr),
        cmocka_unit_test(test_clean_tags_end_the_text),
        cmocka_unit_test(test_clean_drops_a_notice_that_use_means_consent),
        cmocka_unit_test(test_clean_drops_a_newsletter_box_under_the_text),
        cmocka_unit_test(test_clean_drops_download_links_with_file_sizes),
        cmocka_unit_test(test_clean_drops_the_links_of_a_box_inside_the_text),
        cmocka_unit_test(test_clean_drops_a_bar_of_links),
        cmocka_unit_test(test_clean_a_line_of_tags_ends_the_text),
        cmocka_unit_test(test_clean_drops_a_line_and_its_longer_copy),
        cmocka_unit_test(test_clean_text_ends_at_the_page_footer),
        cmocka_unit_test(test_clean_drops_a_bar_of_links_between_dashes),
        cmocka_unit_test(test_clean_keeps_a_live_ticker_together),
        cmocka_unit_test(test_clean_title_is_not_a_caption_with_its_credit),
        cmocka_unit_test(test_clean_drops_a_breadcrumb_between_arrows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

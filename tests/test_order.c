/* SPDX-License-Identifier: MIT */
/* test_order.c: the storage order (tools/pack/order.c, ORDR): similar texts
 * end up in one stream, every article still opens as itself, in its own
 * place in the library, and what gains nothing is left as it was. */
#include "testutil.h"

#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "order.h"

static uint8_t poolmem[INK_POOL_BYTES];

enum { STORIES = 4, PER_STORY = 6, N = STORIES * PER_STORY };

/* The rare words of each story: names and places no other story has. */
static const char *const story_words[STORIES][4] = {
    {"Valdoria", "Kestrelmouth", "Brannock", "Ostravel"},
    {"Quenwick", "Marrowgate", "Teslinder", "Harrowdene"},
    {"Pellucid", "Zanthorpe", "Mirelle", "Corrowby"},
    {"Ashgrove", "Dunmarrow", "Ylvanie", "Thessaly"},
};

/* Article i: story i % STORIES (so reading order interleaves the stories),
 * five paragraphs of the story's words among words every story has. */
static void story_paras(int i, char para[5][400], const char *paras[6])
{
    const char *const *w = story_words[i % STORIES];
    for (int p = 0; p < 5; p++) {
        snprintf(para[p], 400,
                 "In %s the talks with %s went on until late, and %s said that %s would answer on day %d; "
                 "%s and %s were named again in the report on %s, item %d of the %s file.",
                 w[p % 4], w[(p + 1) % 4], w[(p + 2) % 4], w[(p + 3) % 4], i * 7 + p, w[(p + 1) % 4], w[(p + 3) % 4],
                 w[p % 4], i * 13 + p * 3, w[(p + 2) % 4]);
        paras[p] = para[p];
    }
    paras[5] = NULL;
}

static void make_articles(article_t *arts, int n, const char *section)
{
    for (int i = 0; i < n; i++) {
        char para[5][400], title[64];
        const char *paras[6];
        story_paras(i, para, paras);
        snprintf(title, sizeof title, "Report %d from %s", i + 1, story_words[i % STORIES][0]);
        tu_article(&arts[i], title, section, paras);
    }
}

/* How often the story changes from one stored text to the next. */
static int story_changes(const size_t *st, size_t n)
{
    int changes = 0;
    for (size_t k = 1; k < n; k++)
        changes += st[k] % STORIES != st[k - 1] % STORIES;
    return changes;
}

static void test_order_chains_each_story_together(void **state)
{
    (void)state;
    char para[5][400], text[N][2048];
    const uint8_t *t[N];
    size_t len[N], sec[N] = {0}, st[N];
    for (int i = 0; i < N; i++) {
        const char *paras[6];
        story_paras(i, para, paras);
        text[i][0] = '\0';
        for (int p = 0; paras[p]; p++)
            strcat(text[i], paras[p]);
        t[i] = (const uint8_t *)text[i];
        len[i] = strlen(text[i]);
    }
    assert_int_equal(story_changes((size_t[]){0, 1}, 2), 1);
    assert_int_equal(order_texts(t, len, sec, N, 4096, 1, st), 0);
    /* a permutation that starts where reading starts */
    int seen[N] = {0};
    for (int k = 0; k < N; k++) {
        assert_true(st[k] < N);
        assert_int_equal(seen[st[k]]++, 0);
    }
    assert_int_equal(st[0], 0);
    /* reading order changes story at every step; the chain once a story */
    assert_int_equal(story_changes((size_t[]){0, 1, 2, 3, 4}, 5), 4);
    assert_int_equal(story_changes(st, N), STORIES - 1);
    /* the same again, on three threads (deterministic) */
    size_t again[N];
    assert_int_equal(order_texts(t, len, sec, N, 4096, 3, again), 0);
    assert_memory_equal(st, again, sizeof st);
    /* a section whose texts fit one group keeps reading order, and so
     * does an edition packed one article a stream */
    assert_int_equal(order_texts(t, len, sec, N, 1u << 20, 0, again), 0);
    for (int k = 0; k < N; k++)
        assert_int_equal(again[k], k);
    assert_int_equal(order_texts(t, len, sec, N, 1, 0, again), 0);
    for (int k = 0; k < N; k++)
        assert_int_equal(again[k], k);
}

static void test_order_keeps_sections_and_puts_long_texts_last(void **state)
{
    (void)state;
    static char text[N][2048];
    const uint8_t *t[N];
    size_t len[N], sec[N], st[N];
    for (int i = 0; i < N; i++) {
        char para[5][400];
        const char *paras[6];
        story_paras(i, para, paras);
        text[i][0] = '\0';
        for (int p = 0; paras[p] && (i % 5 || p < 1); p++) /* every fifth one short (a paragraph), the rest long */
            strcat(text[i], paras[p]);
        t[i] = (const uint8_t *)text[i];
        len[i] = strlen(text[i]);
        sec[i] = i < 10 ? 0 : 1;
    }
    size_t gcap = 2 * 400; /* a long text (about 1,000 bytes) is over half a group */
    assert_true(len[1] * 2 > gcap && len[5] * 2 <= gcap);
    assert_int_equal(order_texts(t, len, sec, N, gcap, 0, st), 0);
    /* each section in its place: its short texts (every fifth) first, then
     * its long ones in reading order */
    for (int s0 = 0, s1; s0 < N; s0 = s1) {
        s1 = s0 ? N : 10;
        int nshort = (s1 - s0 + 4 - (s0 % 5 ? 5 - s0 % 5 : 0)) / 5, last = -1;
        for (int k = s0; k < s1; k++) {
            assert_int_equal(sec[st[k]], sec[s0]);
            if (k < s0 + nshort) {
                assert_int_equal(st[k] % 5, 0);
            } else {
                assert_true(st[k] % 5 != 0 && (int)st[k] > last);
                last = (int)st[k];
            }
        }
    }
}

/* Articles of each bundle's group: how many stories it mixes, summed. */
static int stories_in_groups(const ink_bundle_t *b)
{
    int sum = 0;
    for (uint32_t g = 0; g < b->ngroups; g++) {
        int has[STORIES] = {0};
        for (uint32_t i = 0; i < b->narticles; i++) {
            ink_article_info_t a;
            assert_int_equal(ink_bundle_article(b, i, &a), INK_OK);
            if (a.group == g && !has[i % STORIES]++)
                sum++;
        }
    }
    return sum;
}

static void test_order_bundle_reads_every_article_as_itself(void **state)
{
    (void)state;
    article_t arts[N];
    make_articles(arts, N, "World");
    bundle_opts_t o = BUNDLE_OPTS_DEFAULT, plain = BUNDLE_OPTS_DEFAULT, one = BUNDLE_OPTS_DEFAULT;
    o.group_bytes = plain.group_bytes = one.group_bytes = 4 * 1100; /* about four texts a stream */
    plain.no_order = 1;
    one.threads = 1;
    uint8_t *ob, *pb, *oneb;
    size_t ol, pl, onel;
    const char *why;
    assert_int_equal(bundle_write(arts, N, &o, &ob, &ol, &why), 0);
    assert_int_equal(bundle_write(arts, N, &plain, &pb, &pl, &why), 0);
    assert_int_equal(bundle_write(arts, N, &one, &oneb, &onel, &why), 0);
    assert_int_equal(ol, onel); /* the same bytes on one thread */
    assert_memory_equal(ob, oneb, ol);
    ink_bundle_t b, p;
    assert_int_equal(ink_bundle_open(&b, ob, ol), INK_OK);
    assert_int_equal(ink_bundle_open(&p, pb, pl), INK_OK);
    assert_int_equal(b.major, INK_VERSION_MAJOR_ORDR);
    assert_int_equal(b.ordr.len, N); /* a byte an article: fewer than 257 */
    assert_int_equal(p.ordr.len, 0);
    assert_int_equal(p.major, INK_VERSION_MAJOR);
    assert_true(b.ngroups > 2);
    /* every group of the plain bundle mixes stories; stored in chains, a
     * group holds one story but where one chain ends and the next begins */
    assert_true(stories_in_groups(&p) >= 3 * (int)p.ngroups);
    assert_true(stories_in_groups(&b) <= (int)b.ngroups + STORIES - 1);
    assert_true(ol < pl);
    /* each article opens as itself, under its own title and section */
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_titles_t tb = {0}, tp = {0};
    tb.chunk = tp.chunk = -1;
    static uint8_t tx[2][INK_ARTICLE_MAX_BYTES];
    int moved = 0;
    for (uint32_t i = 0; i < N; i++) {
        ink_article_info_t ab, ap;
        assert_int_equal(ink_bundle_article(&b, i, &ab), INK_OK);
        assert_int_equal(ink_bundle_article(&p, i, &ap), INK_OK);
        assert_int_equal(ab.text_len, ap.text_len);
        assert_int_equal(ab.section, ap.section);
        assert_int_equal(ap.stored, i);
        moved += ab.stored != i;
        assert_int_equal(ink_bundle_inflate(&b, i, &pool, tx[0], sizeof tx[0]), INK_OK);
        assert_int_equal(ink_bundle_inflate(&p, i, &pool, tx[1], sizeof tx[1]), INK_OK);
        assert_memory_equal(tx[0], tx[1], ab.text_len);
        const char *t0, *t1;
        assert_int_equal(ink_bundle_title(&b, i, &pool, &tb, &t0), INK_OK);
        char keep[256];
        snprintf(keep, sizeof keep, "%s", t0);
        assert_int_equal(ink_bundle_title(&p, i, &pool, &tp, &t1), INK_OK);
        assert_string_equal(keep, t1);
    }
    assert_true(moved > N / 2);
    ink_bundle_titles_free(&tb);
    ink_bundle_titles_free(&tp);
    free(ob);
    free(pb);
    free(oneb);
    for (int i = 0; i < N; i++)
        article_free(&arts[i]);
}

static void test_order_small_edition_unchanged(void **state)
{
    (void)state;
    article_t arts[8];
    make_articles(arts, 8, "World");
    bundle_opts_t o = BUNDLE_OPTS_DEFAULT, plain = BUNDLE_OPTS_DEFAULT;
    plain.no_order = 1;
    uint8_t *ob, *pb;
    size_t ol, pl;
    const char *why;
    /* one group holds the whole section: stored as it is read, byte for byte */
    assert_int_equal(bundle_write(arts, 8, &o, &ob, &ol, &why), 0);
    assert_int_equal(bundle_write(arts, 8, &plain, &pb, &pl, &why), 0);
    assert_int_equal(ol, pl);
    assert_memory_equal(ob, pb, ol);
    free(ob);
    free(pb);
    for (int i = 0; i < 8; i++)
        article_free(&arts[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_chains_each_story_together),
        cmocka_unit_test(test_order_keeps_sections_and_puts_long_texts_last),
        cmocka_unit_test(test_order_bundle_reads_every_article_as_itself),
        cmocka_unit_test(test_order_small_edition_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

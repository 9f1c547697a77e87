/* SPDX-License-Identifier: MIT */
/* test_input.c: tools/clean/input: what kind a file is (by its bytes), the
 * walk of a folder tree (sorted, notes, hidden entries and other extensions
 * left out, a FIFO refused), a folder naming the section, and each reason a
 * file is refused with. Works in a fresh folder under build/. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "input.h"

static char root[] = "build/test-input-XXXXXX";

static void put(const char *rel, const char *text, size_t len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
}

static void dir(const char *rel)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(mkdir(path, 0755), 0);
}

static const char story[] = "Night trains return to the northern line\n\n"
                            "The rail operator said on Monday that sleeper services between the capital and the "
                            "northern coast would run again from March, after a gap of six years, with new carriages "
                            "built at the works in the river town.\n\n"
                            "Tickets go on sale next week, and the first trains are expected to be full, the "
                            "operator said, as travellers look for ways to cross the country without flying.\n";

static const char page[] = "<!DOCTYPE html><html><head><title>Harbour cranes go electric</title></head><body>"
                           "<article><h1>Harbour cranes go electric</h1><p>The port authority switched the last of its "
                           "diesel cranes to mains power on Friday, cutting the noise along the quay, the harbour "
                           "master said, and the dockers' union welcomed the change after years of complaints.</p>"
                           "<p>The work took three years and was paid for by a levy on container traffic.</p>"
                           "</article></body></html>";

static const char feed[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
                           "<item><title>First item</title><description>The first item of the feed, long enough "
                           "to be an article of its own with a sentence or two in it.</description></item>"
                           "<item><title>Second item</title><description>The second item of the feed, which is "
                           "also long enough to stand as an article on its own.</description></item>"
                           "</channel></rss>";

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(root))
        return -1;
    dir("world");
    dir("world/more");
    dir("business");
    put("world/b-story.txt", story, sizeof story - 1);
    put("world/a-page.HTML", page, sizeof page - 1);
    put("world/more/c.htm", page, sizeof page - 1);
    put("world/README.txt", story, sizeof story - 1); /* a folder's notes */
    put("world/LICENSE", story, sizeof story - 1);
    put("world/.hidden.txt", story, sizeof story - 1); /* hidden */
    put("world/notes.pdf", story, sizeof story - 1);   /* not an input kind */
    put("business/wire.rss", feed, sizeof feed - 1);
    put("business/empty.txt", "", 0);
    put("business/binary.txt",
        "\x7f"
        "ELF\0\0\0\0\0\0\0\0\0\0\0\0",
        16);
    char fifo[256];
    snprintf(fifo, sizeof fifo, "%s/business/pipe.txt", root);
    return mkfifo(fifo, 0644);
}

static int teardown(void **state)
{
    (void)state;
    static const char *const files[] = {
        "world/b-story.txt",
        "world/a-page.HTML",
        "world/more/c.htm",
        "world/README.txt",
        "world/LICENSE",
        "world/.hidden.txt",
        "world/notes.pdf",
        "business/wire.rss",
        "business/empty.txt",
        "business/binary.txt",
        "business/pipe.txt",
        "world/more",
        "world",
        "business",
        "",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        remove(path);
    }
    return 0;
}

static void test_input_sniff_by_content(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        input_kind_t want;
    } rows[] = {
        {feed, sizeof feed - 1, INPUT_FEED},
        {"\n <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>", 66, INPUT_FEED},
        {"<rdf:RDF xmlns:rdf=\"x\"><channel/></rdf:RDF>", 44, INPUT_FEED},
        {page, sizeof page - 1, INPUT_HTML},
        {"\xef\xbb\xbf<html><body><p>x</p></body></html>", 37, INPUT_HTML},
        {"\xff\xfe<\0h\0", 6, INPUT_HTML}, /* UTF-16: only the HTML path reads it */
        {story, sizeof story - 1, INPUT_TEXT},
        {"A story that quotes <html> and <rss> tags.", 42, INPUT_TEXT},
        {"<b>Bold</b> start, then plain words.", 36, INPUT_TEXT},
        {"", 0, INPUT_TEXT},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (input_sniff(rows[i].bytes, rows[i].len) != rows[i].want)
            fail_msg("row %zu: kind %d, wanted %d", i, (int)input_sniff(rows[i].bytes, rows[i].len), (int)rows[i].want);
}

static void test_input_walk_sorted_and_filtered(void **state)
{
    (void)state;
    input_list_t l = {0};
    int bad = 0;
    char path[256];
    snprintf(path, sizeof path, "%s//", root); /* trailing slashes are trimmed */
    assert_int_equal(input_add(&l, path, &bad), 0);
    assert_int_equal(bad, 1); /* the FIFO */
    static const char *const want[] = {
        "business/binary.txt", "business/empty.txt", "business/wire.rss",
        "world/a-page.HTML",   "world/b-story.txt",  "world/more/c.htm",
    };
    assert_int_equal(l.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < l.n; i++) {
        snprintf(path, sizeof path, "%s/%s", root, want[i]);
        assert_string_equal(l.paths[i], path);
    }
    /* a file is taken as it is, and a missing one only fails when loaded */
    assert_int_equal(input_add(&l, "no-such-file.txt", &bad), 0);
    assert_int_equal(l.n, 7);
    assert_int_equal(bad, 1);
    input_list_free(&l);
    assert_null(l.paths);
}

static void test_input_load_sections_from_folders(void **state)
{
    (void)state;
    article_list_t list = {0};
    const char *why = NULL;
    char path[256];
    snprintf(path, sizeof path, "%s/world/b-story.txt", root);
    assert_int_equal(input_load(path, &list, &why), 1);
    snprintf(path, sizeof path, "%s/world/a-page.HTML", root);
    assert_int_equal(input_load(path, &list, &why), 1);
    snprintf(path, sizeof path, "%s/business/wire.rss", root);
    assert_int_equal(input_load(path, &list, &why), 2);
    assert_int_equal(list.n, 4);
    assert_string_equal(list.v[0].title, "Night trains return to the northern line");
    assert_string_equal(list.v[0].section, "World");
    assert_string_equal(list.v[1].title, "Harbour cranes go electric");
    assert_string_equal(list.v[1].section, "World");
    assert_string_equal(list.v[2].title, "First item");
    assert_string_equal(list.v[3].section, "Business");
    /* bytes in memory name no folder */
    assert_int_equal(input_load_mem(story, sizeof story - 1, &list, &why), 1);
    assert_null(list.v[4].section);
    article_list_free(&list);
}

static void test_input_refuses_with_a_reason(void **state)
{
    (void)state;
    static const struct {
        const char *rel, *why;
    } rows[] = {
        {"business/empty.txt", "empty file"},
        {"business/binary.txt", "binary data"},
        {"business/none.txt", "No such file"},
        {"world", "directory"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        article_list_t list = {0};
        const char *why = NULL;
        char path[256];
        snprintf(path, sizeof path, "%s/%s", root, rows[i].rel);
        assert_int_equal(input_load(path, &list, &why), -1);
        if (!why || !strstr(why, rows[i].why))
            fail_msg("%s: reason '%s', wanted '%s'", rows[i].rel, why ? why : "(none)", rows[i].why);
        assert_int_equal(list.n, 0);
        article_list_free(&list);
    }
}

static void test_input_read_file_bounds(void **state)
{
    (void)state;
    size_t len = 300000;
    char *big = malloc(len);
    memset(big, 'a', len);
    put("world/big.txt", big, len);
    free(big);
    char path[256];
    snprintf(path, sizeof path, "%s/world/big.txt", root);
    size_t got = 0;
    errno = 0;
    assert_null(input_read_file(path, 100000, &got));
    assert_int_equal(errno, EFBIG);
    char *buf = input_read_file(path, 1000000, &got);
    assert_non_null(buf);
    assert_int_equal(got, len);
    assert_int_equal(buf[len], '\0');
    free(buf);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_input_sniff_by_content),           cmocka_unit_test(test_input_walk_sorted_and_filtered),
        cmocka_unit_test(test_input_load_sections_from_folders), cmocka_unit_test(test_input_refuses_with_a_reason),
        cmocka_unit_test(test_input_read_file_bounds),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

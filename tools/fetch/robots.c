/* SPDX-License-Identifier: MIT */
/* robots.c: robots.txt rules (see robots.h). */
#include "robots.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROBOTS_MAX_BYTES (512u * 1024u)

typedef struct rule {
    char *pat;
    int allow;
} rule_t;

struct robots {
    rule_t *v;
    size_t n, cap;
    double delay;
    int deny_all;
};

static robots_t *new_robots(void)
{
    return calloc(1, sizeof(robots_t));
}

robots_t *robots_allow_all(void)
{
    return new_robots();
}

robots_t *robots_deny_all(void)
{
    robots_t *r = new_robots();
    if (r)
        r->deny_all = 1;
    return r;
}

void robots_free(robots_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->v[i].pat);
    free(r->v);
    free(r);
}

static int add_rule(robots_t *r, const char *p, size_t n, int allow)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        rule_t *v = realloc(r->v, cap * sizeof *v);
        if (!v)
            return -1;
        r->v = v;
        r->cap = cap;
    }
    char *s = malloc(n + 1);
    if (!s)
        return -1;
    memcpy(s, p, n);
    s[n] = '\0';
    r->v[r->n].pat = s;
    r->v[r->n].allow = allow;
    r->n++;
    return 0;
}

/* The agent token of a User-agent line matches ours: compared without case,
 * up to the first '/' or blank of theirs ("inkpress/0.1" names us too). */
static int agent_is(const char *v, size_t n, const char *agent)
{
    size_t k = 0;
    while (k < n && v[k] != '/' && v[k] != ' ' && v[k] != '\t')
        k++;
    return k == strlen(agent) && !strncasecmp(v, agent, k);
}

/* Two passes: the first finds whether a group names us, the second keeps
 * the rules of the groups that apply (ours, else "*"). */
robots_t *robots_parse(const char *buf, size_t len, const char *agent)
{
    robots_t *r = new_robots();
    if (!r)
        return NULL;
    if (len > ROBOTS_MAX_BYTES)
        len = ROBOTS_MAX_BYTES;
    int named = 0;
    for (int pass = 0; pass < 2; pass++) {
        int in_agents = 0; /* the lines before were User-agent lines */
        int ours = 0;      /* the current group applies */
        size_t i = 0;
        while (i < len) {
            const char *s = buf + i;
            const char *nl = s;
            while (nl < buf + len && *nl != '\n' && *nl != '\r')
                nl++;
            size_t n = (size_t)(nl - s);
            i += n + 1;
            const char *hash = memchr(s, '#', n);
            if (hash)
                n = (size_t)(hash - s);
            const char *colon = memchr(s, ':', n);
            if (!colon)
                continue;
            size_t kn = (size_t)(colon - s);
            while (kn && isspace((unsigned char)s[kn - 1]))
                kn--;
            const char *k = s;
            while (kn && isspace((unsigned char)*k)) {
                k++;
                kn--;
            }
            const char *v = colon + 1;
            size_t vn = n - (size_t)(v - s);
            while (vn && isspace((unsigned char)*v)) {
                v++;
                vn--;
            }
            while (vn && isspace((unsigned char)v[vn - 1]))
                vn--;
            if (kn == 10 && !strncasecmp(k, "user-agent", 10)) {
                if (!in_agents)
                    ours = 0;
                in_agents = 1;
                int us = agent_is(v, vn, agent);
                int star = vn == 1 && *v == '*';
                if (pass == 0)
                    named |= us;
                else
                    ours |= named ? us : star;
                continue;
            }
            in_agents = 0;
            if (pass == 0 || !ours)
                continue;
            if ((kn == 5 && !strncasecmp(k, "allow", 5)) || (kn == 8 && !strncasecmp(k, "disallow", 8))) {
                if (vn == 0)
                    continue; /* "Disallow:" with nothing allows all */
                if (add_rule(r, v, vn, kn == 5) < 0) {
                    robots_free(r);
                    return NULL;
                }
            } else if (kn == 11 && !strncasecmp(k, "crawl-delay", 11)) {
                double d = strtod(v, NULL);
                if (d > r->delay)
                    r->delay = d;
            }
        }
    }
    return r;
}

/* Length of the match of pattern pat against path from its start, or -1.
 * '*' matches any run, '$' at the end anchors. */
static long match(const char *pat, const char *path)
{
    const char *p = pat, *s = path;
    const char *star_p = NULL, *star_s = NULL;
    while (*p) {
        if (*p == '$' && p[1] == '\0')
            return *s == '\0' ? (long)strlen(pat) : -1;
        if (*p == '*') {
            star_p = ++p;
            star_s = s;
            if (!*p)
                return (long)strlen(pat);
            continue;
        }
        if (*s && *s == *p) {
            p++;
            s++;
            continue;
        }
        if (star_p && *star_s) {
            p = star_p;
            s = ++star_s;
            continue;
        }
        return -1;
    }
    return (long)strlen(pat);
}

int robots_allowed(const robots_t *r, const char *path)
{
    if (!r)
        return 1;
    if (r->deny_all)
        return 0;
    if (!path || !*path)
        path = "/";
    if (!strcmp(path, "/robots.txt"))
        return 1;
    long best = -1;
    int allow = 1;
    for (size_t i = 0; i < r->n; i++) {
        long m = match(r->v[i].pat, path);
        if (m < 0)
            continue;
        if (m > best || (m == best && r->v[i].allow)) {
            best = m;
            allow = r->v[i].allow;
        }
    }
    return allow;
}

double robots_crawl_delay(const robots_t *r)
{
    return r ? r->delay : 0.0;
}

/* SPDX-License-Identifier: MIT */
/* html_meta.c: an HTML page's metadata: the JSON-LD article, Open Graph,
 * article:, Dublin Core and other meta elements, <title> read as
 * Readability reads it, and the publication date. */
#include "html_priv.h"
#include "json.h"

#include <ctype.h>

static void meta_set(meta_t *m, const char *k, const char *v)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->kv[i].k, k)) {
            char *nv = strdup(v);
            if (nv) {
                free(m->kv[i].v);
                m->kv[i].v = nv;
            }
            return;
        }
    if (m->n < sizeof m->kv / sizeof m->kv[0]) {
        m->kv[m->n].k = strdup(k);
        m->kv[m->n].v = strdup(v);
        if (m->kv[m->n].k && m->kv[m->n].v)
            m->n++;
        else {
            free(m->kv[m->n].k);
            free(m->kv[m->n].v);
        }
    }
}

static const char *meta_get(const meta_t *m, const char *k)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->kv[i].k, k))
            return m->kv[i].v[0] ? m->kv[i].v : NULL;
    return NULL;
}

const char *html_meta_image(const meta_t *m)
{
    if (m->image && *m->image)
        return m->image;
    const char *v = meta_get(m, "og:image");
    return v ? v : meta_get(m, "twitter:image");
}

const char *html_meta_description(const meta_t *m)
{
    static const char *const keys[] = {"og:description", "description", "twitter:description", "dc:description", NULL};
    for (size_t i = 0; keys[i]; i++) {
        const char *v = meta_get(m, keys[i]);
        if (v)
            return v;
    }
    return NULL;
}

void html_meta_free(meta_t *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->kv[i].k);
        free(m->kv[i].v);
    }
    free(m->title);
    free(m->byline);
    free(m->image);
    free(m->site);
    free(m->date);
    free(m->section);
    free(m->lang);
    free(m->body);
    free(m->ingredients);
    free(m->steps);
    memset(m, 0, sizeof *m);
}

/* Trimmed, space-collapsed copy. */
static char *squash(const char *s)
{
    sbuf_t b = {0};
    int space = 0;
    for (; s && *s; s++) {
        if (is_space_byte((unsigned char)*s)) {
            space = 1;
            continue;
        }
        if (space && b.n)
            sb_addc(&b, ' ');
        space = 0;
        sb_addc(&b, *s);
    }
    if (!b.s)
        return strdup("");
    return b.s;
}

static int in_list(const char *s, size_t n, const char *const *set)
{
    for (; *set; set++)
        if (strlen(*set) == n && !strncmp(s, *set, n))
            return 1;
    return 0;
}

static void collect_meta(meta_t *m, xmlNode *root)
{
    static const char *const pre_p[] = {"article", "dc", "dcterm", "og", "twitter", NULL};
    static const char *const suf_p[] = {"author", "creator",   "description", "published_time",
                                        "title",  "site_name", "section",     "modified_time",
                                        "locale", "image",     NULL};
    static const char *const pre_n[] = {"dc", "dcterm", "og", "twitter", "weibo:article", "weibo:webpage", NULL};
    static const char *const suf_n[] = {"author",    "creator", "description", "title",
                                        "site_name", "date",    "image",       NULL};
    for (xmlNode *x = root; x; x = walk_next(x, root, 0)) {
        if (!tag_is(x, "meta"))
            continue;
        const char *content = attr(x, "content");
        if (!content)
            continue;
        char *val = squash(content);
        if (!val)
            continue;
        const char *prop = attr(x, "property");
        int matched = 0;
        if (prop) {
            /* space-separated tokens "og:title article:published_time" */
            for (const char *p = prop; *p;) {
                while (*p && is_space_byte((unsigned char)*p))
                    p++;
                const char *e = p;
                while (*e && !is_space_byte((unsigned char)*e))
                    e++;
                char tok[64];
                size_t tl = (size_t)(e - p) < sizeof tok - 1 ? (size_t)(e - p) : sizeof tok - 1;
                for (size_t i = 0; i < tl; i++)
                    tok[i] = (char)tolower((unsigned char)p[i]);
                tok[tl] = '\0';
                char *colon = strchr(tok, ':');
                if (colon && in_list(tok, (size_t)(colon - tok), pre_p) &&
                    in_list(colon + 1, strlen(colon + 1), suf_p)) {
                    meta_set(m, tok, val);
                    matched = 1;
                }
                p = e;
            }
        }
        const char *name = attr(x, "name");
        if (!matched && name) {
            char tok[64];
            size_t tl = 0;
            for (const char *p = name; *p && tl + 1 < sizeof tok; p++) {
                if (is_space_byte((unsigned char)*p))
                    continue;
                tok[tl++] = *p == '.' ? ':' : (char)tolower((unsigned char)*p);
            }
            tok[tl] = '\0';
            char *colon = strrchr(tok, ':');
            int ok;
            if (colon)
                ok = in_list(tok, (size_t)(colon - tok), pre_n) && in_list(colon + 1, strlen(colon + 1), suf_n);
            else
                ok = in_list(tok, tl, suf_n) || !strcmp(tok, "pubdate") || !strcmp(tok, "publishdate") ||
                     !strcmp(tok, "publish-date") || !strcmp(tok, "parsely-pub-date") || !strcmp(tok, "sailthru:date");
            if (ok)
                meta_set(m, tok, val);
        }
        const char *ip = attr(x, "itemprop");
        if (ip && !strcmp(ip, "datePublished"))
            meta_set(m, "itemprop:datepublished", val);
        free(val);
    }
}

/* clang-format off */
static const char *const ld_types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference", NULL,
};
/* clang-format on */

static int ld_is_article(const jv_t *o)
{
    const jv_t *t = json_get(o, "@type");
    if (!t)
        return 0;
    if (t->type == JV_STR)
        return in_list(t->str, strlen(t->str), ld_types);
    if (t->type == JV_ARR)
        for (size_t i = 0; i < t->n; i++)
            if (t->kids[i].type == JV_STR && in_list(t->kids[i].str, strlen(t->kids[i].str), ld_types))
                return 1;
    return 0;
}

static char *doc_title(xmlNode *root);

static void take_ld(meta_t *m, const jv_t *o, xmlNode *root)
{
    const char *name = json_get_str(o, "name"), *head = json_get_str(o, "headline");
    if (name && head && strcmp(name, head)) {
        char *t = doc_title(root);
        int nm = t && dom_text_similarity(name, t) > 0.75;
        int hm = t && dom_text_similarity(head, t) > 0.75;
        m->title = squash(hm && !nm ? head : name);
        free(t);
    } else if (name) {
        m->title = squash(name);
    } else if (head) {
        m->title = squash(head);
    }
    const jv_t *au = json_get(o, "author");
    if (au) {
        if (au->type == JV_OBJ && json_get_str(au, "name")) {
            m->byline = squash(json_get_str(au, "name"));
        } else if (au->type == JV_ARR) {
            sbuf_t b = {0};
            for (size_t i = 0; i < au->n; i++) {
                const char *nm = json_get_str(&au->kids[i], "name");
                if (!nm)
                    continue;
                if (b.n)
                    sb_add(&b, ", ", 2);
                sb_add(&b, nm, strlen(nm));
            }
            if (b.s) {
                m->byline = squash(b.s);
                free(b.s);
            }
        }
    }
    /* image: "url", {"url": ...}, or a list of either (the first) */
    const jv_t *im = json_get(o, "image");
    if (im && im->type == JV_ARR && im->n)
        im = &im->kids[0];
    if (im && im->type == JV_STR)
        m->image = squash(im->str);
    else if (im && im->type == JV_OBJ && json_get_str(im, "url"))
        m->image = squash(json_get_str(im, "url"));
    const jv_t *pub = json_get(o, "publisher");
    if (pub && json_get_str(pub, "name"))
        m->site = squash(json_get_str(pub, "name"));
    if (json_get_str(o, "datePublished"))
        m->date = squash(json_get_str(o, "datePublished"));
    const char *il = json_get_str(o, "inLanguage");
    if (il && !m->lang)
        m->lang = article_lang_tag(il);
    if (json_get_str(o, "articleBody") && !m->body)
        m->body = strdup(json_get_str(o, "articleBody"));
    const jv_t *sec = json_get(o, "articleSection");
    if (sec && sec->type == JV_STR)
        m->section = squash(sec->str);
    else if (sec && sec->type == JV_ARR && sec->n && sec->kids[0].type == JV_STR)
        m->section = squash(sec->kids[0].str);
}

static int ld_is(const jv_t *o, const char *type)
{
    const jv_t *t = json_get(o, "@type");
    if (t && t->type == JV_STR)
        return !strcmp(t->str, type);
    for (size_t i = 0; t && t->type == JV_ARR && i < t->n; i++)
        if (t->kids[i].type == JV_STR && !strcmp(t->kids[i].str, type))
            return 1;
    return 0;
}

/* Appends s (squashed) to the line list b; lines of nothing are left out. */
static void add_line(sbuf_t *b, const char *s)
{
    char *q = squash(s);
    if (q && *q) {
        if (b->n)
            sb_addc(b, '\n');
        sb_add(b, q, strlen(q));
    }
    free(q);
}

/* A recipe's steps: a text (one step a line), a list of texts, of
 * HowToSteps ({"text": ...}) or of HowToSections holding them. Markup in
 * a step is not read: such a recipe gives no steps. */
static void recipe_steps(sbuf_t *b, const jv_t *v, int depth, int *markup)
{
    if (!v || depth > 8) /* sections of steps of texts: 5 levels */
        return;
    if (v->type == JV_STR) {
        for (const char *p = v->str; *p;) {
            size_t n = strcspn(p, "\n");
            char *line = article_strndup(p, n);
            if (line) {
                for (const char *q = line; (q = strchr(q, '<')) != NULL; q++)
                    *markup |= isalpha((unsigned char)q[1]) || q[1] == '/';
                add_line(b, line);
            }
            free(line);
            p += n + (p[n] == '\n');
        }
    } else if (v->type == JV_ARR) {
        for (size_t i = 0; i < v->n; i++)
            recipe_steps(b, &v->kids[i], depth + 1, markup);
    } else if (v->type == JV_OBJ) {
        const jv_t *t = json_get(v, "text");
        recipe_steps(b, t ? t : json_get(v, "itemListElement"), depth + 1, markup);
    }
}

/* Takes the ingredients and steps of the first Recipe among o and its
 * @graph. */
static void take_recipe(meta_t *m, const jv_t *o)
{
    const jv_t *g = json_get(o, "@graph");
    for (size_t k = 0; g && g->type == JV_ARR && k < g->n && !m->ingredients; k++)
        take_recipe(m, &g->kids[k]);
    if (m->ingredients || !ld_is(o, "Recipe"))
        return;
    const jv_t *in = json_get(o, "recipeIngredient");
    if (!in || in->type != JV_ARR)
        return;
    sbuf_t b = {0};
    for (size_t i = 0; i < in->n; i++)
        if (in->kids[i].type == JV_STR)
            add_line(&b, in->kids[i].str);
    if (!b.s)
        return;
    m->ingredients = b.s;
    sbuf_t st = {0};
    int markup = 0;
    recipe_steps(&st, json_get(o, "recipeInstructions"), 0, &markup);
    if (markup)
        free(st.s);
    else
        m->steps = st.s;
}

static void collect_ld(meta_t *m, xmlNode *root)
{
    for (xmlNode *x = root; x && (!m->title || !m->ingredients); x = walk_next(x, root, 0)) {
        if (!tag_is(x, "script"))
            continue;
        const char *ty = attr(x, "type");
        if (!ty || strcasecmp(ty, "application/ld+json"))
            continue;
        sbuf_t b = {0};
        for (xmlNode *k = x->children; k; k = k->next)
            if (is_text(k) && k->content)
                sb_add(&b, (const char *)k->content, strlen((const char *)k->content));
        /* once the article is found, only a recipe is still looked for */
        if (!b.s || (m->title && !strstr(b.s, "recipeIngredient"))) {
            free(b.s);
            continue;
        }
        /* CDATA wrappers some sites leave in */
        char *s = b.s;
        size_t n = b.n;
        char *cd = strstr(s, "<![CDATA[");
        if (cd) {
            memset(cd, ' ', 9);
            char *ce = strstr(s, "]]>");
            if (ce)
                memset(ce, ' ', 3);
        }
        jv_t *v = json_parse(s, n);
        free(b.s);
        if (!v)
            continue;
        const jv_t *items = v;
        size_t ni = 1;
        if (v->type == JV_ARR) {
            items = v->kids;
            ni = v->n;
        }
        for (size_t i = 0; i < ni && !m->ingredients; i++)
            take_recipe(m, &items[i]);
        for (size_t i = 0; i < ni && !m->title; i++) {
            const jv_t *o = &items[i];
            const jv_t *ctx = json_get(o, "@context");
            if (!ctx || ctx->type != JV_STR || !strstr(ctx->str, "schema.org"))
                continue;
            if (!json_get(o, "@type")) {
                const jv_t *g = json_get(o, "@graph");
                for (size_t k = 0; g && g->type == JV_ARR && k < g->n; k++)
                    if (ld_is_article(&g->kids[k])) {
                        o = &g->kids[k];
                        break;
                    }
            }
            if (!ld_is_article(o))
                continue;
            take_ld(m, o, root);
            if (!m->title)
                m->title = strdup("");
        }
        json_free(v);
    }
    if (m->title && !m->title[0]) {
        free(m->title);
        m->title = NULL;
    }
}

static size_t word_count(const char *s)
{
    /* JavaScript's str.split(/\s+/).length */
    size_t n = 1;
    int sp = 0;
    for (; *s; s++) {
        if (is_space_byte((unsigned char)*s)) {
            if (!sp)
                n++;
            sp = 1;
        } else {
            sp = 0;
        }
    }
    return n;
}

static int is_sep(const char *p, size_t *len)
{
    /* separators: | - \ / > » (the last is two bytes in UTF-8) */
    if (*p == '|' || *p == '-' || *p == '\\' || *p == '/' || *p == '>') {
        *len = 1;
        return 1;
    }
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xBB) {
        *len = 2;
        return 1;
    }
    return 0;
}

static char *trimmed_dup(const char *s, size_t n)
{
    while (n && is_space_byte((unsigned char)*s))
        s++, n--;
    while (n && is_space_byte((unsigned char)s[n - 1]))
        n--;
    char *t = article_strndup(s, n);
    if (!t)
        return NULL;
    char *q = squash(t);
    free(t);
    return q;
}

/* The title cut at the last spaced separator; when that leaves fewer than
 * three words, the part after the first separator character (Readability's
 * second regex: not necessarily spaced). */
static char *title_at_separator(const char *orig, const char *last_sep)
{
    char *cur = trimmed_dup(orig, (size_t)(last_sep - orig));
    if (cur && word_count(cur) < 3) {
        const char *q = orig;
        size_t sl = 0;
        while (*q && !is_sep(q, &sl))
            q++;
        free(cur);
        cur = trimmed_dup(q + sl, strlen(q + sl));
    }
    return cur;
}

/* A title with ": " that no h1 or h2 repeats: the part after the last
 * colon, or after the first when that is too short; the whole title when
 * the part before the first colon has more than five words. Takes cur. */
static char *title_at_colon(const char *orig, xmlNode *root, char *cur)
{
    int match = 0;
    for (xmlNode *x = root; x && !match; x = walk_next(x, root, 0)) {
        if (!tag_is(x, "h1") && !tag_is(x, "h2"))
            continue;
        sbuf_t hb = {0};
        dom_inner_text(x, &hb);
        char *tt = trimmed_dup(orig, strlen(orig));
        match = hb.s && tt && !strcmp(hb.s, tt);
        free(tt);
        free(hb.s);
    }
    if (match)
        return cur;
    const char *lc = strrchr(orig, ':');
    free(cur);
    cur = trimmed_dup(lc + 1, strlen(lc + 1));
    if (cur && word_count(cur) < 3) {
        const char *fc = strchr(orig, ':');
        free(cur);
        cur = trimmed_dup(fc + 1, strlen(fc + 1));
    } else {
        const char *fc = strchr(orig, ':');
        char *head = article_strndup(orig, (size_t)(fc - orig));
        if (head && word_count(head) > 5) {
            free(cur);
            cur = strdup(orig);
        }
        free(head);
    }
    return cur;
}

/* A title shorter than 15 or longer than 150 characters: the text of the
 * page's only h1, when it has exactly one. Takes cur. */
static char *title_from_h1(const char *orig, xmlNode *root, char *cur)
{
    size_t ulen = 0;
    for (const char *p = orig; *p; p++)
        ulen += ((unsigned char)*p & 0xC0) != 0x80;
    if (ulen <= 150 && ulen >= 15)
        return cur;
    xmlNode *h1 = NULL;
    int nh = 0;
    for (xmlNode *x = root; x; x = walk_next(x, root, 0))
        if (tag_is(x, "h1")) {
            nh++;
            h1 = x;
        }
    if (nh == 1) {
        sbuf_t hb = {0};
        dom_inner_text(h1, &hb);
        if (hb.s) {
            free(cur);
            cur = hb.s;
        }
    }
    return cur;
}

/* Readability's title from <title>: cut at a site-name separator, or take
 * the lone h1 when the title is odd. */
static char *doc_title(xmlNode *root)
{
    xmlNode *t = NULL;
    for (xmlNode *x = root; x && !t; x = walk_next(x, root, 0))
        if (tag_is(x, "title"))
            t = x;
    sbuf_t b = {0};
    if (t)
        dom_inner_text(t, &b);
    char *orig = b.s ? b.s : strdup("");
    if (!orig)
        return NULL;
    char *cur = strdup(orig);
    if (!cur) {
        free(orig);
        return NULL;
    }
    /* " X " with X a separator; hier when one is not '|' or '-' */
    int hier = 0;
    const char *last_sep = NULL;
    for (const char *p = orig; *p; p++) {
        size_t sl;
        if (p > orig && p[-1] == ' ' && is_sep(p, &sl) && p[sl] == ' ') {
            last_sep = p;
            if (*p != '|' && *p != '-')
                hier = 1;
        }
    }
    if (last_sep) {
        free(cur);
        cur = title_at_separator(orig, last_sep);
    } else if (strstr(orig, ": ")) {
        cur = title_at_colon(orig, root, cur);
    } else {
        cur = title_from_h1(orig, root, cur);
    }
    if (!cur) {
        return orig;
    }
    char *sq = squash(cur);
    free(cur);
    cur = sq;
    if (cur) {
        size_t wc = word_count(cur);
        /* origTitle with the separators removed, in words, minus one */
        sbuf_t nb = {0};
        for (const char *p = orig; *p; p++) {
            size_t sl;
            if (is_sep(p, &sl)) {
                p += sl - 1;
                continue;
            }
            sb_addc(&nb, *p);
        }
        size_t owc = nb.s ? word_count(nb.s) : 1;
        free(nb.s);
        if (wc <= 4 && (!hier || wc != owc - 1)) {
            free(cur);
            cur = strdup(orig);
        }
    }
    free(orig);
    return cur;
}

/* "2023-08-26T..." -> "2023-08-26" when it is a plausible date. */
static char *iso_date(const char *s)
{
    if (!s)
        return NULL;
    while (is_space_byte((unsigned char)*s))
        s++;
    for (int i = 0; i < 10; i++) {
        int ok = i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i]);
        if (!ok)
            return NULL;
    }
    int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return NULL;
    return article_strndup(s, 10);
}

static char *find_date(const meta_t *m, xmlNode *root)
{
    const char *cands[] = {
        m->date,
        meta_get(m, "article:published_time"),
        meta_get(m, "itemprop:datepublished"),
        meta_get(m, "date"),
        meta_get(m, "dc:date"),
        meta_get(m, "pubdate"),
        meta_get(m, "publishdate"),
        meta_get(m, "publish-date"),
        meta_get(m, "parsely-pub-date"),
        meta_get(m, "sailthru:date"),
        meta_get(m, "article:modified_time"),
    };
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
        char *d = iso_date(cands[i]);
        if (d)
            return d;
    }
    for (xmlNode *x = root; x; x = walk_next(x, root, 0)) {
        if (!tag_is(x, "time"))
            continue;
        char *d = iso_date(attr(x, "datetime"));
        if (d)
            return d;
    }
    return NULL;
}

void html_meta_lang(xmlNode *root, char out[16])
{
    const char *v = NULL;
    if (root && tag_is(root, "html"))
        v = attr(root, "lang") ? attr(root, "lang") : attr(root, "xml:lang");
    for (xmlNode *x = root; x && !v; x = walk_next(x, root, 0)) {
        const char *he = tag_is(x, "meta") ? attr(x, "http-equiv") : NULL;
        if (he && !strcasecmp(he, "content-language"))
            v = attr(x, "content");
    }
    out[0] = '\0';
    if (!v)
        return;
    while (*v == ' ')
        v++;
    size_t k = 0;
    while (k < 15 && (isalnum((unsigned char)v[k]) || v[k] == '-' || v[k] == '_'))
        k++;
    if (k < 2 || !isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) || (v[k] && v[k] != ' ' && v[k] != ','))
        return;
    memcpy(out, v, k);
    out[k] = '\0';
}

void html_meta_read(meta_t *m, xmlNode *root)
{
    collect_ld(m, root);
    collect_meta(m, root);
}

char *html_meta_title(const meta_t *m, xmlNode *root)
{
    const char *tsrc[] = {
        m->title,
        meta_get(m, "dc:title"),
        meta_get(m, "dcterm:title"),
        meta_get(m, "og:title"),
        meta_get(m, "weibo:article:title"),
        meta_get(m, "weibo:webpage:title"),
        meta_get(m, "title"),
        meta_get(m, "twitter:title"),
    };
    char *title = NULL;
    for (size_t i = 0; i < sizeof tsrc / sizeof tsrc[0] && !title; i++)
        if (tsrc[i] && *tsrc[i])
            title = strdup(tsrc[i]);
    return title ? title : doc_title(root);
}

char *html_meta_date(const meta_t *m, xmlNode *root)
{
    return find_date(m, root);
}

const char *html_meta_byline(const meta_t *m)
{
    const char *byl = m->byline ? m->byline : meta_get(m, "dc:creator");
    if (!byl)
        byl = meta_get(m, "dcterm:creator");
    if (!byl)
        byl = meta_get(m, "author");
    return byl;
}

const char *html_meta_source(const meta_t *m)
{
    return m->site ? m->site : meta_get(m, "og:site_name");
}

const char *html_meta_section(const meta_t *m)
{
    return m->section ? m->section : meta_get(m, "article:section");
}

const char *html_meta_language(const meta_t *m)
{
    return m->lang ? m->lang : meta_get(m, "og:locale");
}

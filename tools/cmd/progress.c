/* SPDX-License-Identifier: MIT */
/* progress.c: the progress bar and the tally of skipped inputs. */
#define _DEFAULT_SOURCE
#include "progress.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

int progress_level = PROGRESS_NORMAL;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int term_cols(FILE *f)
{
    struct winsize ws;
    if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    return n >= 20 ? n : 80;
}

void progress_start(progress_t *p, FILE *out, int show, const char *what, size_t total)
{
    memset(p, 0, sizeof *p);
    p->out = out;
    p->what = what;
    p->total = total;
    p->interval = 0.1;
    if (show < 0) {
        const char *term = getenv("TERM");
        show = progress_level > PROGRESS_QUIET && isatty(fileno(out)) && !(term && !strcmp(term, "dumb"));
    }
    p->on = show;
    p->cols = show ? term_cols(out) : 80;
    p->t0 = now();
    p->last_draw = -1.0;
}

/* "pack [#####.....] 120/2225 480/s  bbc/tech/012.txt", cut to the width
 * of the terminal less one column (a full line would wrap on some). */
static void draw(progress_t *p)
{
    char line[512];
    int cols = p->cols - 1 < (int)sizeof line - 1 ? p->cols - 1 : (int)sizeof line - 1;
    double secs = now() - p->t0;
    double rate = secs > 0 ? (double)p->done / secs : 0.0;
    int barw = cols >= 100 ? 30 : cols >= 60 ? 20 : 10;
    int fill = p->total ? (int)((double)barw * (double)p->done / (double)p->total) : 0;
    char bar[64];
    for (int i = 0; i < barw; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[barw] = '\0';
    int n = snprintf(line, sizeof line, "%s [%s] %zu/%zu %.0f/s ", p->what, bar, p->done, p->total, rate);
    if (n < 0)
        return;
    if (n > cols)
        n = cols;
    line[n] = '\0';
    if (p->item && n + 4 < cols) {
        /* The end of a long path says more than its start. */
        size_t room = (size_t)(cols - n), len = strlen(p->item);
        if (len <= room)
            snprintf(line + n, sizeof line - (size_t)n, "%s", p->item);
        else
            snprintf(line + n, sizeof line - (size_t)n, "...%s", p->item + len - (room - 3));
    }
    fprintf(p->out, "\r%s\033[K", line);
    fflush(p->out);
    p->drawn = 1;
}

static void clear(progress_t *p)
{
    if (p->drawn) {
        fputs("\r\033[K", p->out);
        p->drawn = 0;
    }
}

void progress_item(progress_t *p, const char *item)
{
    if (p->item)
        p->done++;
    p->item = item;
    if (!p->on)
        return;
    double t = now();
    if (p->last_draw < 0 || t - p->last_draw >= p->interval) {
        p->last_draw = t;
        draw(p);
    }
}

void progress_say(progress_t *p, const char *fmt, ...)
{
    clear(p);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(p->out, fmt, ap);
    va_end(ap);
    fputc('\n', p->out);
    if (p->on && p->item)
        draw(p);
}

void progress_skip(progress_t *p, const char *prefix, const char *path, const char *why)
{
    p->skipped++;
    size_t i;
    char key[sizeof p->reasons[0].why];
    snprintf(key, sizeof key, "%s", why);
    for (i = 0; i < p->nreasons; i++)
        if (!strcmp(p->reasons[i].why, key))
            break;
    if (i == p->nreasons && p->nreasons < PROGRESS_REASONS)
        memcpy(p->reasons[p->nreasons++].why, key, sizeof key);
    if (i < p->nreasons)
        p->reasons[i].n++;
    if (path)
        progress_say(p, "%s: %s: %s (skipped)", prefix, path, why);
}

void progress_skipped_text(const progress_t *p, char *buf, size_t size)
{
    size_t used = 0;
    int n = snprintf(buf, size, "%zu skipped", p->skipped);
    used = n > 0 ? (size_t)n : 0;
    for (size_t i = 0; i < p->nreasons && used < size; i++) {
        n = snprintf(buf + used, size - used, "%s%s: %zu", i ? ", " : " (", p->reasons[i].why, p->reasons[i].n);
        used += n > 0 ? (size_t)n : 0;
    }
    if (p->nreasons && used < size)
        snprintf(buf + used, size - used, ")");
}

double progress_elapsed(const progress_t *p)
{
    return now() - p->t0;
}

void progress_end(progress_t *p)
{
    if (p->item) {
        p->done++;
        p->item = NULL;
    }
    clear(p);
    fflush(p->out);
}

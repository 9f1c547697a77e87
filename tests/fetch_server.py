#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# tests/fetch_server.py: the web as tests/fetch.sh needs it, on 127.0.0.1
# only: feeds (RSS with full content, RSS with summaries, Atom), their pages,
# robots.txt, and one path per fault `inkpress fetch` must survive (a slow
# server, a 500, a response cut short, a redirect loop, a body of gigabytes
# declared or not, a wrong content type, a gzip bomb, invalid XML). Answers
# conditional GETs (ETag, Last-Modified) with 304, and gzip or brotli when
# asked. Logs each request (port, path, status, body bytes sent, the most
# requests open at once on its port, User-Agent, Content-Encoding, when it
# came and when its answer was written) to DIR/server.log. Stops by itself
# after --deadline seconds.
#
#   fetch_server.py --dir DIR [--cert CERT --key KEY] [--deadline S]
# writes DIR/ports: "HTTP_A HTTP_B HTTPS" once all three listen.
import argparse, gzip, hashlib, http.server, os, random, select, socket, socketserver, ssl, struct, sys, threading, time, zlib
from email.utils import formatdate

try:
    import brotli
except ImportError:
    brotli = None

START = time.time()
LAST_MOD = formatdate(START - 3600, usegmt=True)
lock = threading.Lock()
open_now = {}
open_max = {}
LOG = None

WORDS = ("harbour council met again tuesday evening weigh plan old quay fishermen waited outside rain "
         "argued price diesel nobody expected vote before spring chair said numbers changed since last "
         "survey town could wait another winter repairs engineers report timber piles rotten stone wall "
         "cracked ferry company threatened move service north mayor promised answer march shopkeepers "
         "worried summer visitors school children wrote letters museum opened exhibition about sailing "
         "ships bakery doubled bread price flour shortage railway line closed landslide buses replaced "
         "trains volunteers cleared beach storm nets lighthouse keeper retired after forty years").split()


def para(seed, n=60):
    # sentences of words drawn at random, a different draw for every seed:
    # no two articles share the runs of words the packer's dedup looks for
    rnd = random.Random(seed)
    out = []
    while n > 0:
        k = min(n, rnd.randint(8, 16))
        out.append(" ".join(rnd.choice(WORDS) for _ in range(k)).capitalize() + ".")
        n -= k
    return " ".join(out)


def rfc822(age_hours):
    return formatdate(START - age_hours * 3600, usegmt=True)


def page_html(n):
    body = "".join("<p>%s</p>\n" % para(n * 10 + k) for k in range(6))
    if n == 1:  # a figure: its picture at a relative address, fetched with the page
        body = ('<figure><img src="../img/quay.jpg" alt="The quay"><figcaption>The quay at dawn. '
                '<span class="credit">Photo: Debian mate-backgrounds</span></figcaption></figure>\n' + body)
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page %d | Local Gazette</title></head>"
            "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            "<article><h1>Quay repairs, part %d</h1><p class=\"byline\">By Ada Test</p>\n%s</article>"
            "<footer>Copyright Local Gazette</footer></body></html>" % (n, n, body)).encode()


def cyrillic_page():
    text = ("Городской совет снова собрался во вторник вечером, чтобы обсудить план ремонта "
            "старой пристани. Рыбаки ждали на улице под дождём и спорили о цене топлива. ")
    body = "".join("<p>%s</p>\n" % (text * 3) for _ in range(5))
    html = ("<html><head><title>Пристань</title></head><body><article><h1>Ремонт пристани</h1>%s"
            "</article></body></html>" % body)
    return html.encode("windows-1251")


def rss(items, title):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           "<title>%s</title><link>http://127.0.0.1/</link><description>test</description>" % title]
    for it in items:
        out.append("<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>"
                   % (it["title"], it["link"], it["link"], rfc822(it.get("age", 1))))
        if "content" in it:
            out.append("<content:encoded><![CDATA[%s]]></content:encoded>" % it["content"])
        out.append("<description>%s</description></item>" % it.get("summary", "A short summary."))
    out.append("</channel></rss>")
    return "\n".join(out).encode()


def full_feed(base):
    items = []
    for n in range(1, 4):
        content = "".join("<p>%s</p>" % para(100 + n * 5 + k) for k in range(5))
        items.append({"title": "Full story %d" % n, "link": base + "/full/%d" % n, "content": content})
    return rss(items, "Full Times")


def summary_feed(base):
    items = [{"title": "Quay repairs, part %d" % n, "link": base + "/pages/%d.html" % n,
              "summary": "The council weighs the quay plan (part %d)." % n} for n in range(1, 4)]
    items.append({"title": "A private memo", "link": base + "/private/memo.html",
                  "summary": "What the robots file keeps out."})
    items.append({"title": "An old story", "link": base + "/pages/9.html", "age": 24 * 30,
                  "summary": "From last month."})
    items.append({"title": "A missing page", "link": base + "/pages/missing.html",
                  "summary": "The feed links to a page that is not there."})
    return rss(items, "Summary Herald")


def atom_feed(base):
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom Courier</title><id>urn:test:atom</id><updated>%s</updated>"
            '<entry><title>Пристань</title><id>urn:test:cyr</id><link href="%s/cyrillic.html"/>'
            "<updated>%s</updated><summary>Короткая заметка.</summary></entry></feed>"
            % (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(START)), base,
               time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(START - 600)))).encode()


_bomb = None


def bomb():
    # 256 MiB of zeros, gzip'd to about 265 kB on the wire. After the first
    # MiB, each MiB of zeros deflates to the same bytes (the window is all
    # zeros and a sync flush ends each on a block boundary), so it is
    # compressed twice and repeated, not compressed 256 times.
    global _bomb
    if _bomb is None:
        n, mib = 256, bytes(1 << 20)
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        first = c.compress(mib) + c.flush(zlib.Z_SYNC_FLUSH)
        rest = c.compress(mib) + c.flush(zlib.Z_SYNC_FLUSH)
        end = c.flush(zlib.Z_FINISH)[:-8]  # the last block, without the trailer for 2 MiB
        crc = 0
        for _ in range(n):
            crc = zlib.crc32(mib, crc)
        _bomb = first + rest * (n - 1) + end + struct.pack("<II", crc, (n << 20) & 0xFFFFFFFF)
    return _bomb


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "fetch-test/1"
    sys_version = ""

    def log_message(self, *a):
        pass

    def base(self):
        scheme = "https" if isinstance(self.connection, ssl.SSLSocket) else "http"
        return "%s://127.0.0.1:%d" % (scheme, self.server.server_address[1])

    def send_body(self, body, ctype, cond=True, status=200, extra=()):
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        if cond and (self.headers.get("If-None-Match") == etag or
                     (self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == LAST_MOD)):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            self.status = 304
            return
        enc = self.headers.get("Accept-Encoding", "")
        coding = None
        if "br" in enc and brotli is not None and len(body) > 200:
            body, coding = brotli.compress(body), "br"
        elif "gzip" in enc and len(body) > 200:
            body, coding = gzip.compress(body), "gzip"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if cond:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MOD)
        if coding:
            self.send_header("Content-Encoding", coding)
            self.coding = coding
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.sent += len(body)
        self.status = status

    def do_GET(self):
        port = self.server.server_address[1]
        with lock:
            open_now[port] = open_now.get(port, 0) + 1
            open_max[port] = max(open_max.get(port, 0), open_now[port])
        self.sent = 0
        self.status = 0
        self.coding = "-"
        self.t0 = time.time()
        try:
            self.route(self.path.split("?")[0])
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, TimeoutError):
            pass
        finally:
            with lock:
                open_now[port] -= 1
                LOG.write("%d %s %d %d %d %s %s %.4f %.4f\n" % (port, self.path, self.status, self.sent, open_max[port],
                                                                 self.headers.get("User-Agent", "-").replace(" ", "_"),
                                                                 self.coding, self.t0, time.time()))
                LOG.flush()

    def client_gone(self):
        # the client hung up (a read would give EOF): stop writing to it
        try:
            r, _, _ = select.select([self.connection], [], [], 0)
            return bool(r) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def stream(self, total_seconds, chunk, pause):
        end = time.time() + total_seconds
        while time.time() < end and not self.client_gone():
            self.wfile.write(chunk)
            self.wfile.flush()
            self.sent += len(chunk)
            if pause:
                # wait on the socket, not the clock: a client that hangs up
                # ends the request at once (the log's count of requests open
                # at a time must not see a dead one)
                select.select([self.connection], [], [], pause)

    def route(self, p):
        b = self.base()
        if p == "/robots.txt":
            return self.send_body(b"User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n",
                                  "text/plain")
        if p == "/full.rss":
            return self.send_body(full_feed(b), "application/rss+xml; charset=utf-8")
        if p == "/summary.rss":
            return self.send_body(summary_feed(b), "application/rss+xml")
        if p == "/latin1.rss":  # Latin-1 bytes, no encoding declared: only the header says
            return self.send_body(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Le Caf\u00e9</title>"
                                   "<item><title>Cr\u00e8me br\u00fbl\u00e9e</title><guid>urn:latin1</guid>"
                                   "<description>%s</description></item></channel></rss>"
                                   % " ".join(["D\u00e9j\u00e0 vu, \u00e0 la carte."] * 80)).encode("latin-1"),
                                  "application/rss+xml; charset=ISO-8859-1")
        if p == "/atom.xml":
            return self.send_body(atom_feed(b), "application/atom+xml")
        if p == "/tls.rss":
            return self.send_body(rss([{"title": "Over TLS", "link": b + "/pages/5.html",
                                         "summary": "A page fetched over https."}], "Secure Post"),
                                  "application/rss+xml")
        if p == "/img/quay.jpg" and PHOTO:
            return self.send_body(PHOTO, "image/jpeg")
        if p.startswith("/pages/") and p[7:-5].isdigit():
            return self.send_body(page_html(int(p[7:-5])), "text/html; charset=utf-8")
        if p == "/private/memo.html":
            return self.send_body(page_html(7), "text/html")
        if p == "/cyrillic.html":
            return self.send_body(cyrillic_page(), "text/html; charset=windows-1251")
        # ---- faults ----
        if p == "/slow.rss":  # a byte every half second, for a minute
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.status = 200
            return self.stream(60, b" ", 0.5)
        if p == "/500.rss":
            return self.send_body(b"<h1>Internal Server Error</h1>", "text/html", cond=False, status=500)
        if p == "/cut.rss":
            body = full_feed(b)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 3])
            self.sent = len(body) // 3
            self.status = 200
            return
        if p == "/loop.rss":
            self.send_response(302)
            self.send_header("Location", "/loop.rss")
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.status = 302
            return
        if p == "/huge.rss":  # declares 5 GiB
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(5 << 30))
            self.end_headers()
            self.status = 200
            return self.stream(60, bytes(1 << 16), 0)
        if p == "/endless.rss":  # no length: zeros until the client hangs up
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.status = 200
            return self.stream(60, b"<rss>" + bytes(1 << 16), 0)
        if p == "/image.rss":
            return self.send_body(b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png")
        if p == "/bomb.rss":
            body = bomb()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.sent = len(body)
            self.status = 200
            return
        if p == "/invalid.rss":
            return self.send_body(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title>"
                                  b"<item><title>Fine item</title><description>This one is whole and fine."
                                  b"</description></item><item><title>Cut & wrong</title><description>"
                                  b"<b>unclosed</description></channel>", "application/rss+xml")
        self.send_body(b"<h1>Not Found</h1>", "text/html", cond=False, status=404)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def loopback_up():
    """`unshare -n make test` runs the tests in a new network namespace, where
    the loopback interface starts down: bring it up (only loopback; as root in
    that namespace this is allowed, elsewhere it is already up or refused)."""
    try:
        import fcntl
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        ifr = struct.pack("16sh", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(s, 0x8913, ifr))[1]  # SIOCGIFFLAGS
        if not flags & 1:  # IFF_UP
            fcntl.ioctl(s, 0x8914, struct.pack("16sh", b"lo", flags | 1))  # SIOCSIFFLAGS
        s.close()
    except OSError:
        pass


PHOTO = None


def main():
    loopback_up()
    global LOG
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--deadline", type=float, default=120)
    a = ap.parse_args()
    LOG = open(os.path.join(a.dir, "server.log"), "a")
    global PHOTO
    if os.path.exists(os.path.join(a.dir, "quay.jpg")):  # a photo the test copied in
        PHOTO = open(os.path.join(a.dir, "quay.jpg"), "rb").read()
    servers = [Server(("127.0.0.1", 0), Handler), Server(("127.0.0.1", 0), Handler)]
    if a.cert:
        s = Server(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.cert, a.key)
        s.socket = ctx.wrap_socket(s.socket, server_side=True)
        servers.append(s)
    bomb()  # made before the ports are known, so no request waits for it
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    with open(os.path.join(a.dir, "ports.tmp"), "w") as f:
        f.write(" ".join(str(s.server_address[1]) for s in servers) + "\n")
    os.rename(os.path.join(a.dir, "ports.tmp"), os.path.join(a.dir, "ports"))
    time.sleep(a.deadline)  # then stop, whatever the test did
    sys.exit(0)


if __name__ == "__main__":
    main()

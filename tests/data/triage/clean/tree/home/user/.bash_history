ls -la
cd /var/www/html
sudo systemctl status nginx
git pull
vim index.php
sudo tail -n 100 /var/log/nginx/error.log
df -h
apt list --upgradable
exit

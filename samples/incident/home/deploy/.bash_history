#1709859600
cd /var/www/html
#1709859610
git pull
#1709859700
sudo systemctl reload apache2
#1709946000
tail -n 50 /var/log/apache2/error.log
#1710032400
df -h
#1710032460
sudo apt-get upgrade -y

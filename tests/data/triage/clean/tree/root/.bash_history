apt update
apt upgrade -y
systemctl restart nginx

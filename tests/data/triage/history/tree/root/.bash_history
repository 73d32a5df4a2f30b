apt update
curl -s https://api.example.com/status | jq .
nc -zv db01 5432
systemctl restart nginx

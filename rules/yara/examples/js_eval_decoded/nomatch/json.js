var o = JSON.parse(atob(token.split('.')[1]));

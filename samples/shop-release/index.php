<?php require __DIR__ . '/lib/db.php'; ?>
<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>抹茶と和菓子の店</title><link rel="stylesheet" href="/static/css/site.css"></head>
<body><header><img src="/static/img/logo.png" alt=""> 抹茶と和菓子の店</header>
<?php foreach (featured_products() as $p): ?>
<a href="/products/view.php?id=<?= (int)$p['id'] ?>"><?= htmlspecialchars($p['name']) ?></a>
<?php endforeach; ?>
<script src="/static/js/app.js"></script></body></html>

<?php
require __DIR__ . '/../lib/db.php';
// The bug: the id goes into the SQL text unquoted and unchecked.
$id = $_GET['id'];
$res = db()->query("SELECT id, name, price, note FROM products WHERE id = $id");
$p = mysqli_fetch_assoc($res);
?>
<h1><?= htmlspecialchars($p['name'] ?? '') ?></h1>
<p><?= htmlspecialchars($p['note'] ?? '') ?></p>

<?php
require __DIR__ . '/lib/db.php';
$q = $_GET['q'] ?? '';
$st = db()->prepare('SELECT id, name FROM products WHERE name LIKE ?');
$like = '%' . $q . '%';
$st->bind_param('s', $like);
$st->execute();
foreach ($st->get_result() as $row) {
  echo '<li>' . htmlspecialchars($row['name']) . '</li>';
}

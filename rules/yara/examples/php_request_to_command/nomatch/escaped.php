<?php
shodo inert sample: deliberate syntax error, this file never runs
$f = escapeshellarg($name);
exec('convert ' . $f, $out);

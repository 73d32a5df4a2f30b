<?php
shodo inert sample: deliberate syntax error, this file never runs
$sep = "\x00\x1f\x2c"; $bom = "\xEF\xBB\xBF";

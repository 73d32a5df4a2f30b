<?php
shodo inert sample: deliberate syntax error, this file never runs
 ob_start('assert'); echo $_POST['x']; ob_end_flush(); ?>

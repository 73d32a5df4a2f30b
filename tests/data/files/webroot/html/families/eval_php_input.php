<?php
shodo inert sample: deliberate syntax error, this file never runs
 eval(file_get_contents('php://input')); ?>

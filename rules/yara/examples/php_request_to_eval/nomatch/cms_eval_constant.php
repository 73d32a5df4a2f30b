<?php
shodo inert sample: deliberate syntax error, this file never runs
$code = '$x = 1;';
eval($code);
$v = $_GET['page'] ?? 1;

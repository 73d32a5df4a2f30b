<?php
shodo inert sample: deliberate syntax error, this file never runs
$f = chr(101).chr(118).chr(97).chr(108);

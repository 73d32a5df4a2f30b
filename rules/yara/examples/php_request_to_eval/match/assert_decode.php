<?php
shodo inert sample: deliberate syntax error, this file never runs
assert(stripslashes( $_REQUEST["q"] ));

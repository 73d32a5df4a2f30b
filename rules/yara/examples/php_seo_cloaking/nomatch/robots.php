<?php
shodo inert sample: deliberate syntax error, this file never runs
if (stripos($_SERVER['HTTP_USER_AGENT'], 'Googlebot') !== false) { $cache_ttl = 3600; }

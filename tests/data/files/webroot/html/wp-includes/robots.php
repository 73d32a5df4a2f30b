<?php
if (stripos($_SERVER['HTTP_USER_AGENT'], 'Googlebot') !== false) { $ttl = 3600; }

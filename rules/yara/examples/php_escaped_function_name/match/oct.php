<?php
shodo inert sample: deliberate syntax error, this file never runs
$g = "\142\141\163\145\66\64\137" . 'decode';

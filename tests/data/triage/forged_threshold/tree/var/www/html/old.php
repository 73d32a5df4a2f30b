<?php echo 'old';

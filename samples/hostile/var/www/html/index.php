<?php echo 'shop'; ?>

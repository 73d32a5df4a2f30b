<?php echo 'about <script>alert(1)</script></style><b>x</b>"><img src=x onerror=alert(2)>'; ?>

<?php
shodo inert sample: deliberate syntax error, this file never runs
eval(gzinflate(base64_decode('S0lNTs7PzyFR1Q==')));

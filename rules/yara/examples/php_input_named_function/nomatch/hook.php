<?php
shodo inert sample: deliberate syntax error, this file never runs
do_action('wp_ajax_' . $_REQUEST['action']);

<?php
do_action('wp_ajax_' . $_REQUEST['action']);
$ids = array_map('intval', (array) $_POST['ids']);

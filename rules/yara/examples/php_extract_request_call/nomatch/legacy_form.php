<?php
// An old form handler that emulates register_globals but calls nothing through a variable.
extract($_POST);
$name = trim($name ?? '');
echo 'Thanks, ' . htmlspecialchars($name);

<?php
// A template helper: extracts an array the code built, never request input.
function render($file, array $vars) { extract($vars); include $file; }
$title = htmlspecialchars($_GET['title'] ?? '');
render('page.phtml', ['title' => $title]);

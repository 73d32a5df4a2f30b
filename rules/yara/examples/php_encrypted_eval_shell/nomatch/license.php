<?php
// A licence check: decrypts a file shipped with the plugin, evaluates nothing from the request.
$blob = file_get_contents(__DIR__ . '/license.dat');
$plain = openssl_decrypt($blob, 'AES-256-CBC', LICENSE_KEY, 0, LICENSE_IV);
$ok = json_decode($plain, true)['valid'] ?? false;
if (!empty($_POST['recheck'])) { echo $ok ? 'valid' : 'invalid'; }

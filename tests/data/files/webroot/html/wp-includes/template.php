<?php
$code = '$x = 1;';
eval($code);
$page = (int) $_GET['page'];
include __DIR__ . '/parts/' . basename($tpl) . '.php';

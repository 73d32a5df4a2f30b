<?php
// A checksum over bytes with XOR; the request is read, nothing is evaluated.
$data = $_POST['data'] ?? '';
$sum = 0;
for ($i = 0; $i < strlen($data); $i++) { $sum = $sum ^ ord($data[$i]); }
echo $sum;

<?php
session_start();
if (empty($_SESSION['admin'])) { http_response_code(403); exit; }
// The bug: any file name and type is accepted and kept under the webroot.
$name = basename($_FILES['image']['name']);
move_uploaded_file($_FILES['image']['tmp_name'], __DIR__ . '/../uploads/img/' . $name);
echo 'uploaded: ' . htmlspecialchars($name);

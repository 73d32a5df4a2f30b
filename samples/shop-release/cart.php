<?php
session_start();
$_SESSION['cart'] = $_SESSION['cart'] ?? [];
echo count($_SESSION['cart']);

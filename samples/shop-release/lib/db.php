<?php
function db() {
  static $db;
  if (!$db) {
    $c = require __DIR__ . '/../config.php';
    $db = new mysqli($c['host'], $c['user'], $c['password'], $c['name']);
  }
  return $db;
}
function featured_products() {
  return db()->query('SELECT id, name FROM products LIMIT 8')->fetch_all(MYSQLI_ASSOC);
}

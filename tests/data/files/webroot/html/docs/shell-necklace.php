<?php
// product page for a shell necklace: system of sizes
$size = htmlspecialchars($_GET['size'] ?? 'M');
echo "<p>Size: $size</p>";

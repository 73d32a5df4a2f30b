<?php
// Callbacks that clean input: the names are harmless.
$tags = array_filter(array_map('trim', explode(',', $_GET['tags'] ?? '')), 'strlen');
usort($tags, 'strcmp');
echo htmlspecialchars(implode(', ', $tags));

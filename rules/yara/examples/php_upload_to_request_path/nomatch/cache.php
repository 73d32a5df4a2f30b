<?php
// A cache writer: the content comes from the request, the path does not.
file_put_contents(__DIR__ . '/cache/last_search.txt', substr($_GET['q'] ?? '', 0, 100));

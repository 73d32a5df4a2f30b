<?php
$img = base64_decode($data);
$raw = gzinflate($img);
$db->exec($sql);
$eol = chr(13) . chr(10);

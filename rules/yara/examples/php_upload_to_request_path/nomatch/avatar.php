<?php
// An avatar upload: the destination is built from a generated name, not from the request.
$ext = pathinfo($_FILES['avatar']['name'], PATHINFO_EXTENSION) === 'png' ? 'png' : 'jpg';
$dest = __DIR__ . '/avatars/' . bin2hex(random_bytes(16)) . '.' . $ext;
move_uploaded_file($_FILES['avatar']['tmp_name'], $dest);

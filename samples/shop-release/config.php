<?php
// Database settings (sample values).
return ['host' => 'localhost', 'user' => 'shop', 'password' => 'sample-not-a-real-password', 'name' => 'shop'];

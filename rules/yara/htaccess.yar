// .htaccess / .user.ini tricks: images run as PHP, code prepended to every
// page from a place code does not belong.

rule htaccess_image_as_php
{
    meta:
        description = "Server configuration makes images or text files run as PHP"
        title_ja = "画像やテキストを PHP として実行させるサーバ設定"
        level = "high"
        score = 75
        mitre = "T1505.003, T1036.008"
    strings:
        $a = /(AddType|AddHandler)\s+[^\n]{0,60}(php|x-httpd)[^\n]{0,60}\.(jpe?g|gif|png|ico|bmp|txt)\b/ nocase
    condition:
        $a
}

rule htaccess_prepend_from_odd_place
{
    meta:
        description = "auto_prepend_file/auto_append_file pointing into uploads, tmp, a hidden file or an image"
        title_ja = "アップロード・一時フォルダ・隠しファイル・画像を全ページに読み込ませる設定"
        level = "high"
        score = 75
        mitre = "T1505.003, T1546"
    strings:
        $a = /auto_(prepend|append)_file\s*=?\s*["']?[^\s"']{0,200}(\/tmp\/|\/uploads?\/|\/\.[^\/\s"']+|\.(jpe?g|gif|png|ico|txt))["'\s]/ nocase
    condition:
        $a
}

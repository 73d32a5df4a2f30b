// PHP webshells and backdoors, by what makes them work: request input handed
// to a code or command sink, input naming the function, packed code run with
// eval, and the trait set of a shell's file manager. Each rule's examples are
// in examples/<rule>/match and examples/<rule>/nomatch (docs/scan.md).

rule php_request_to_eval
{
    meta:
        description = "PHP code sink (eval/assert/create_function) fed directly with request input"
        title_ja = "リクエスト入力を直接 eval 等で実行する PHP"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059"
    strings:
        $a = /(^|[^>:$\w])(eval|assert|create_function)\s*\(\s*(@\s*)?((stripslashes|base64_decode|str_rot13|urldecode|trim|gzinflate)\s*\(\s*)*@?\s*\$_(GET|POST|REQUEST|COOKIE|SERVER)\s*\[/ nocase
    condition:
        $a
}

rule php_request_to_command
{
    meta:
        description = "PHP command sink (system/exec/passthru/shell_exec/popen/proc_open) fed directly with request input"
        title_ja = "リクエスト入力を直接 OS コマンドとして実行する PHP"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059.004"
    strings:
        $a = /(^|[^>:$\w])(system|passthru|shell_exec|exec|popen|proc_open|pcntl_exec)\s*\(\s*(@\s*)?((stripslashes|base64_decode|urldecode|trim)\s*\(\s*)*\$_(GET|POST|REQUEST|COOKIE)\s*\[/ nocase
        $b = /(echo|print|return|=|\()\s*`[^`\n]{0,40}\$_(GET|POST|REQUEST|COOKIE)\s*\[[^`\n]{0,80}`\s*[;.)]/
    condition:
        any of them
}

rule php_input_named_function
{
    meta:
        description = "PHP calls a function whose name comes from the request"
        title_ja = "リクエストで指定された名前の関数を呼び出す PHP"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059"
    strings:
        $a = /\$_(GET|POST|REQUEST|COOKIE)\s*\[[^\]\n]{1,40}\]\s*\(/
        $b = /(call_user_func|call_user_func_array|array_map|register_shutdown_function)\s*\(\s*\$_(GET|POST|REQUEST|COOKIE)\s*\[/ nocase
        $reflect = /new\s+Reflection(Function|Method)\s*\(\s*\$_(GET|POST|REQUEST|COOKIE)\s*\[/ nocase
        $walk = /array_walk(_recursive)?\s*\(\s*\$_(GET|POST|REQUEST|COOKIE)\s*,\s*function\s*\(\s*&?\$\w+\s*,\s*\$\w+\s*\)\s*\{\s*@?\$\w+\s*\(/ nocase
    condition:
        any of them
}

rule php_packed_eval
{
    meta:
        description = "PHP evaluates code unpacked through a decoder chain"
        title_ja = "複数段の復号で展開したコードを eval する PHP"
        level = "critical"
        score = 85
        mitre = "T1505.003, T1027, T1140"
    strings:
        $chain = /(eval|assert)\s*\(\s*@?\s*(gzinflate|gzuncompress|gzdecode|str_rot13|convert_uudecode|base64_decode)\s*\(\s*@?\s*(base64_decode|str_rot13|gzinflate|strrev|gzuncompress)\s*\(/ nocase
        $blob = /(eval|assert)\s*\(\s*@?\s*base64_decode\s*\(\s*['"][A-Za-z0-9+\/]{200}/ nocase
    condition:
        any of them
}

rule php_file_manager_shell
{
    meta:
        description = "PHP file-manager shell: system reconnaissance, file operations, uploads and command execution in one file"
        title_ja = "ファイル管理型の Web シェル（情報収集・ファイル操作・アップロード・コマンド実行）"
        level = "high"
        score = 75
        mitre = "T1505.003, T1083, T1082"
    strings:
        $recon1 = "php_uname(" nocase
        $recon2 = "posix_getpwuid(" nocase
        $recon3 = "getmyuid(" nocase
        $recon4 = "disk_free_space(" nocase
        $recon5 = "ini_get('disable_functions')" nocase
        $recon6 = "ini_get(\"disable_functions\")" nocase
        $fs1 = "fileperms(" nocase
        $fs2 = "move_uploaded_file(" nocase
        $fs3 = "unlink(" nocase
        $fs4 = "chmod(" nocase
        $fs5 = "scandir(" nocase
        $cmd = /(^|[^>:$\w])(shell_exec|passthru|system|proc_open|popen)\s*\(/ nocase
        $in = /\$_(GET|POST|REQUEST)\s*\[/
    condition:
        filesize < 1MB and $cmd and $in and 2 of ($recon*) and 3 of ($fs*)
}

rule php_preg_replace_e_input
{
    meta:
        description = "preg_replace with the /e modifier (evaluates the replacement) on request input"
        title_ja = "/e 修飾子付き preg_replace でリクエスト入力を評価する PHP"
        level = "critical"
        score = 85
        mitre = "T1505.003, T1059"
    strings:
        $a = /preg_replace\s*\(\s*['"][\/#~|!@%][^'"]{0,200}[\/#~|!@%][a-zA-Z]{0,6}e[a-zA-Z]{0,6}['"]\s*,[^;]{0,200}\$_(GET|POST|REQUEST|COOKIE)/ nocase
        $mb = /mb_eregi?_replace\s*\([^;]{0,200}\$_(GET|POST|REQUEST|COOKIE)[^;]{0,200},\s*['"][a-z]{0,6}e[a-z]{0,6}['"]\s*\)/ nocase
    condition:
        any of them
}

rule php_extract_request_call
{
    meta:
        description = "PHP turns request parameters into variables (extract) and calls one of them as a function"
        title_ja = "リクエストを変数に展開（extract）し、その変数を関数として呼び出す PHP"
        level = "medium"
        score = 55
        mitre = "T1505.003, T1059"
    strings:
        $extract_call = /extract\s*\(\s*\$_(GET|POST|REQUEST|COOKIE)\s*[,)][^;]{0,40};\s*(\}\s*)?@?\$[a-zA-Z_]\w{0,15}\s*\(\s*@?\$[a-zA-Z_]\w{0,15}\s*\)\s*;/ nocase
    condition:
        filesize < 200KB and $extract_call
}

rule php_upload_to_request_path
{
    meta:
        description = "PHP writes an upload or request content to a path the request names (uploader backdoor)"
        title_ja = "リクエストで指定されたパスへアップロードや受信内容を書き込む PHP（アップローダ型バックドア）"
        level = "high"
        score = 75
        mitre = "T1505.003, T1105"
    strings:
        $move = /move_uploaded_file\s*\([^;]{1,120},\s*(\$_(GET|POST|REQUEST|COOKIE)\s*\[|[^;]{0,40}\.\s*\$_(GET|POST|REQUEST|COOKIE)\s*\[)/ nocase
        $put = /(file_put_contents|fopen)\s*\(\s*(\$_(GET|POST|REQUEST|COOKIE)\s*\[|[^;,]{0,40}\.\s*\$_(GET|POST|REQUEST|COOKIE)\s*\[)[^;]{0,160}(\$_(GET|POST|REQUEST|COOKIE)\s*\[|file_get_contents\s*\(\s*['"]php:\/\/input)/ nocase
    condition:
        filesize < 500KB and ($move or $put)
}

rule php_callback_named_sink
{
    meta:
        description = "PHP hands eval, assert or a command function to a callback-taking function, in a file that reads request input"
        title_ja = "コールバックとして eval・assert・コマンド関数を渡す PHP（リクエスト入力あり）"
        level = "critical"
        score = 85
        mitre = "T1505.003, T1059"
    strings:
        $cb = /(^|[^>:$\w])(array_filter|array_map|array_walk|array_walk_recursive|array_reduce|usort|uasort|uksort|register_shutdown_function|register_tick_function|ob_start|iterator_apply|call_user_func|call_user_func_array|forward_static_call|set_error_handler|set_exception_handler|spl_autoload_register)\s*\(([^;]{0,160},)?\s*['"](assert|eval|system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec|create_function)['"]\s*[,)]/ nocase
        $in = /\$_(GET|POST|REQUEST|COOKIE|SERVER)\s*\[|php:\/\/input|getallheaders\s*\(/ nocase
    condition:
        filesize < 200KB and $cb and $in
}

rule php_request_to_script_file
{
    meta:
        description = "PHP writes request input into a script file of the site (a dropper)"
        title_ja = "リクエスト入力をサイトのスクリプトファイルへ書き込む PHP（ドロッパー）"
        level = "medium"
        score = 55
        mitre = "T1505.003, T1105"
    strings:
        $put = /file_put_contents\s*\(\s*[^,;]{0,40}['"][^'"\n]{1,80}\.(php\d?|phtml|phar|inc|jsp|aspx?)['"]\s*,[^;]{0,60}\$_(GET|POST|REQUEST|COOKIE)\s*\[/ nocase
        $open = /fopen\s*\(\s*[^,;]{0,40}['"][^'"\n]{1,80}\.(php\d?|phtml|phar|inc|jsp|aspx?)['"]\s*,\s*['"][wax]/ nocase
        $write = /fwrite\s*\(\s*\$\w+\s*,[^;]{0,60}\$_(GET|POST|REQUEST|COOKIE)\s*\[/ nocase
    condition:
        filesize < 500KB and ($put or ($open and $write))
}

rule php_encrypted_eval_shell
{
    meta:
        description = "PHP decrypts request data with a key (XOR loop or AES) and evaluates code: an encrypted webshell of the Godzilla or Behinder kind"
        title_ja = "リクエストデータを鍵で復号（XOR ループ・AES）してコードを実行する PHP（Godzilla・Behinder 型の暗号化 Web シェル）"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059, T1573"
    strings:
        $xor = /\[\$i\]\s*=\s*\$\w{1,20}\[\$i\]\s*\^\s*\$\w/
        $xor_assign = /\[\$i\]\s*\^=\s*\$\w/
        $aes = /openssl_decrypt\s*\(\s*\$\w+\s*,\s*['"]AES/ nocase
        $eval = /(^|[^>:$\w])(eval|assert)\s*\(/ nocase
        $post = /\$_(POST|REQUEST|COOKIE)\s*\[/ nocase
        $body = /file_get_contents\s*\(\s*['"]php:\/\/input['"]/ nocase
    condition:
        filesize < 100KB and $eval and ((($xor or $xor_assign) and ($post or $body)) or ($aes and $body))
}

rule php_command_fallback_chain
{
    meta:
        description = "PHP probes three or more command functions in turn and runs request input with whichever exists (the command core of WSO-style shells)"
        title_ja = "複数のコマンド実行関数を順に試し、使えるものでリクエスト入力を実行する PHP（WSO 型シェルのコマンド部）"
        level = "high"
        score = 75
        mitre = "T1505.003, T1059.004"
    strings:
        $fe_exec = /function_exists\s*\(\s*['"]exec['"]/ nocase
        $fe_passthru = /function_exists\s*\(\s*['"]passthru['"]/ nocase
        $fe_system = /function_exists\s*\(\s*['"]system['"]/ nocase
        $fe_shell_exec = /function_exists\s*\(\s*['"]shell_exec['"]/ nocase
        $fe_popen = /function_exists\s*\(\s*['"]popen['"]/ nocase
        $fe_proc_open = /function_exists\s*\(\s*['"]proc_open['"]/ nocase
        $fe_pcntl = /function_exists\s*\(\s*['"]pcntl_exec['"]/ nocase
        $in = /\$_(GET|POST|REQUEST|COOKIE)\s*\[/ nocase
        $silenced = /@\s*(exec|passthru|system|shell_exec|popen|proc_open)\s*\(/ nocase
    condition:
        filesize < 1MB and 3 of ($fe*) and $in and $silenced
}

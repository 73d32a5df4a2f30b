// Packed and obfuscated loaders: a sensitive function name written as escape
// codes or character codes, and eval of decoded or unescaped text.

rule php_escaped_function_name
{
    meta:
        description = "Sensitive function name written as hex or octal escapes"
        title_ja = "危険な関数名を 16 進・8 進エスケープで表記"
        level = "high"
        score = 75
        mitre = "T1027, T1140"
    strings:
        $eval_x = "\\x65\\x76\\x61\\x6c" nocase
        $assert_x = "\\x61\\x73\\x73\\x65\\x72\\x74" nocase
        $system_x = "\\x73\\x79\\x73\\x74\\x65\\x6d" nocase
        $b64_x = "\\x62\\x61\\x73\\x65\\x36\\x34\\x5f" nocase
        $gzi_x = "\\x67\\x7a\\x69\\x6e\\x66\\x6c\\x61\\x74\\x65" nocase
        $eval_o = "\\145\\166\\141\\154"
        $assert_o = "\\141\\163\\163\\145\\162\\164"
        $b64_o = "\\142\\141\\163\\145\\66\\64\\137"
    condition:
        any of them
}

rule php_chr_function_name
{
    meta:
        description = "Sensitive function name assembled from chr() calls"
        title_ja = "chr() の連結で危険な関数名を組み立てる"
        level = "high"
        score = 75
        mitre = "T1027, T1140"
    strings:
        $eval = /chr\s*\(\s*101\s*\)\s*\.\s*chr\s*\(\s*118\s*\)\s*\.\s*chr\s*\(\s*97\s*\)\s*\.\s*chr\s*\(\s*108\s*\)/ nocase
        $assert = /chr\s*\(\s*97\s*\)\s*\.\s*chr\s*\(\s*115\s*\)\s*\.\s*chr\s*\(\s*115\s*\)\s*\.\s*chr\s*\(\s*101\s*\)/ nocase
        $system = /chr\s*\(\s*115\s*\)\s*\.\s*chr\s*\(\s*121\s*\)\s*\.\s*chr\s*\(\s*115\s*\)\s*\.\s*chr\s*\(\s*116\s*\)/ nocase
        $base64 = /chr\s*\(\s*98\s*\)\s*\.\s*chr\s*\(\s*97\s*\)\s*\.\s*chr\s*\(\s*115\s*\)\s*\.\s*chr\s*\(\s*101\s*\)/ nocase
    condition:
        any of them
}

rule js_eval_decoded
{
    meta:
        description = "JavaScript evaluates base64-decoded or unescaped text"
        title_ja = "base64 復号・アンエスケープした文字列を eval する JavaScript"
        level = "high"
        score = 70
        mitre = "T1027, T1059.007"
    strings:
        $a = /\beval\s*\(\s*(atob|unescape|decodeURIComponent)\s*\(/
        $b = /new\s+Function\s*\(\s*(atob|unescape)\s*\(/
        $c = /\beval\s*\(\s*String\.fromCharCode\s*\(/
    condition:
        any of them
}

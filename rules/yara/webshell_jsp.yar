// JSP webshells: request parameters run as commands, and class loaders that
// define classes from request bytes (encrypted "memory" shells).

rule jsp_request_to_exec
{
    meta:
        description = "JSP runs a command (Runtime.exec / ProcessBuilder) built from request parameters"
        title_ja = "リクエストパラメータをコマンドとして実行する JSP"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059"
    strings:
        $direct = /Runtime\.getRuntime\(\)\s*\.\s*exec\s*\(\s*request\.getParameter\s*\(/
        $rt = /Runtime\s*\.\s*getRuntime\s*\(\s*\)/
        $pb = /new\s+ProcessBuilder\s*\(/
        $reflect = /Class\.forName\s*\(\s*"java\.lang\.(Runtime|ProcessBuilder|ProcessImpl)"\s*\)/
        $req = /request\.getParameter\s*\(/
    condition:
        $direct or (filesize < 200KB and ($rt or $pb or $reflect) and $req)
}

rule jsp_class_loader_shell
{
    meta:
        description = "JSP defines a class from decoded request bytes"
        title_ja = "リクエストから復号したバイト列でクラスを定義する JSP"
        level = "critical"
        score = 85
        mitre = "T1505.003, T1620, T1027"
    strings:
        $define = "defineClass" nocase
        $dec1 = "Base64" nocase
        $dec2 = "decodeBuffer"
        $dec3 = "Cipher.getInstance"
        $req = /request\.(getReader|getInputStream|getParameter)\s*\(/
    condition:
        filesize < 200KB and $define and any of ($dec*) and $req
}

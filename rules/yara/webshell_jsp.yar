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

rule jsp_el_exec
{
    meta:
        description = "JSP expression language that runs a command or loads a class from request parameters"
        title_ja = "リクエストパラメータでコマンド実行やクラス読み込みを行う JSP の式言語（EL）"
        level = "critical"
        score = 85
        mitre = "T1505.003, T1059"
    strings:
        $el = /[$#]\{[^}\n]{0,200}(Runtime\s*\.\s*getRuntime|ProcessBuilder|Class\s*\.\s*forName|\.forName\s*\()[^}\n]{0,200}(param(Values)?\s*[.\[]|request\.getParameter|header\s*[.\[])/
    condition:
        filesize < 200KB and $el
}

rule jsp_memory_shell
{
    meta:
        description = "JSP registers a filter, servlet or listener at run time that runs commands or loads classes (a memory shell)"
        title_ja = "実行時にフィルタ・サーブレット・リスナーを登録し、コマンド実行やクラス読み込みを行う JSP（メモリ常駐型シェル）"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1620"
    strings:
        $reg1 = "addFilterDef"
        $reg2 = "addFilterMapBefore"
        $reg3 = "addServletMappingDecoded"
        $reg4 = "addApplicationEventListener"
        $reg5 = "addServletMapping"
        $ctx = "StandardContext"
        $run1 = /Runtime\s*\.\s*getRuntime\s*\(/
        $run2 = /new\s+ProcessBuilder\s*\(/
        $run3 = "defineClass"
    condition:
        filesize < 500KB and $ctx and any of ($reg*) and any of ($run*)
}

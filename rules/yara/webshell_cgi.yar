// CGI webshells in Python and Perl: a form field run by the shell.

rule cgi_python_request_to_shell
{
    meta:
        description = "Python CGI script runs a form field as a shell command"
        title_ja = "フォームの値をシェルコマンドとして実行する Python CGI"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059.006"
    strings:
        $form = /(cgi\.FieldStorage\s*\(|os\.environ\s*\[\s*['"]QUERY_STRING['"]|os\.environ\.get\s*\(\s*['"]QUERY_STRING['"])/
        $sink = /(subprocess\.(check_output|call|run|Popen|getoutput|getstatusoutput)|os\.(system|popen)|commands\.getoutput)\s*\([^)\n]{0,120}(getvalue|getfirst|QUERY_STRING|\b(cmd|command)\b)/
    condition:
        filesize < 200KB and $form and $sink
}

rule cgi_perl_request_to_shell
{
    meta:
        description = "Perl CGI script runs a request parameter as a shell command"
        title_ja = "リクエストパラメータをシェルコマンドとして実行する Perl CGI"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059"
    strings:
        $tick = /`[^`\n]{0,40}(param\s*\(|\$ENV\{\s*['"]?QUERY_STRING)[^`\n]{0,80}`/
        $sys = /(system|exec|qx)\s*[\(\{]\s*[^;\n]{0,40}(param\s*\(|\$ENV\{\s*['"]?QUERY_STRING)/
        $pipe = /open\s*\(\s*[^,;\n]{1,20},\s*[^;\n]{0,40}(param\s*\(|\$ENV\{\s*['"]?QUERY_STRING)[^;\n]{0,40}\|\s*['"]?\s*\)/
    condition:
        filesize < 200KB and any of them
}

// ASP and ASP.NET webshells: request input evaluated (classic Execute,
// JScript.NET eval), handed to a process, or loaded as an assembly.

rule asp_request_to_eval
{
    meta:
        description = "ASP/ASPX evaluates request input (Eval/Execute)"
        title_ja = "リクエスト入力を Eval/Execute で実行する ASP/ASPX"
        level = "critical"
        score = 90
        mitre = "T1505.003, T1059"
    strings:
        $eval = /\beval(\s*\(\s*|\s+)Request(\.Item|\.Form|\.QueryString|\.Params)?\s*[\[(]/ nocase
        $exec = /\bExecute(Global)?\s*\(?\s*\(?\s*Request(\.Item|\.Form|\.QueryString)?\s*[\[(]/ nocase
    condition:
        any of them
}

rule aspx_request_to_process
{
    meta:
        description = "ASPX starts a shell process with request input"
        title_ja = "リクエスト入力でシェルを起動する ASPX"
        level = "high"
        score = 80
        mitre = "T1505.003, T1059.003"
    strings:
        $p1 = "ProcessStartInfo" nocase
        $p2 = "Process.Start" nocase
        $req = /Request(\.Form|\.QueryString|\.Item|\.Params)?\s*\[/ nocase
        $shell = /cmd(\.exe)?["' ]|\/bin\/(ba)?sh|powershell/ nocase
    condition:
        filesize < 500KB and any of ($p*) and $req and $shell
}

rule aspx_assembly_loader
{
    meta:
        description = "ASPX loads a .NET assembly from request data or an embedded base64 blob"
        title_ja = "リクエストや埋め込みデータから .NET アセンブリを読み込む ASPX"
        level = "critical"
        score = 85
        mitre = "T1505.003, T1620"
    strings:
        $load = /Assembly\.Load\s*\(/ nocase
        $load_reflected = /GetMethod\s*\(\s*"Load"/
        $b64 = /Assembly\.Load\s*\(\s*(System\.)?Convert\.FromBase64String\s*\(/ nocase
        $asm = "Reflection.Assembly" nocase
        $req = /Request\s*(\.(BinaryRead|InputStream|Form|Item)|\[)/ nocase
    condition:
        $b64 or (($load or ($load_reflected and $asm)) and $req)
}

rule aspx_upload_to_request_path
{
    meta:
        description = "ASPX saves an uploaded file under a name the request gives (uploader backdoor)"
        title_ja = "リクエストで指定された名前でアップロードファイルを保存する ASPX（アップローダ型バックドア）"
        level = "medium"
        score = 55
        mitre = "T1505.003, T1105"
    strings:
        $save = /\.SaveAs\s*\([^;]{0,120}Request\s*(\.(Form|QueryString|Item|Params))?\s*\[/ nocase
        $write = /File\.WriteAll(Bytes|Text)\s*\([^;]{0,120}Request\s*(\.(Form|QueryString|Item|Params))?\s*\[/ nocase
    condition:
        filesize < 500KB and any of them
}

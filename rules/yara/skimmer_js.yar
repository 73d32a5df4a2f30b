// Web skimmers: script that reads payment fields, encodes them and sends
// them off to a site of the attacker's.

rule js_card_skimmer
{
    meta:
        description = "Script reads payment card fields, encodes them and sends them to a remote address"
        title_ja = "決済カード項目を読み取り符号化して外部へ送信するスクリプト"
        level = "high"
        score = 80
        mitre = "T1056.003, T1041"
    strings:
        $num = /(cc|card)[_-]?num(ber)?|payment\[cc_number/ nocase
        $code = /cc[_-]?cid|\bcvv2?\b|\bcvc\b|security[_-]?code/ nocase
        $exp = /(cc|card)[_-]?exp/ nocase
        $harvest = /querySelectorAll\s*\(\s*['"](input|select|form)/
        $send1 = "new Image" nocase
        $send2 = "sendBeacon("
        $send3 = "XMLHttpRequest"
        $send4 = /\bfetch\s*\(/
        $send5 = "new WebSocket("
        $enc1 = "btoa("
        $enc2 = "JSON.stringify("
        $url1 = /(https?:|wss?:)?\/\/[a-z0-9-]{2,63}\.[a-z0-9.-]{2,}\// nocase
        $url2 = /atob\s*\(\s*['"]aHR0c/
    condition:
        filesize < 2MB and $num and ($code or $exp or $harvest) and any of ($send*) and any of ($enc*) and any of ($url*)
}

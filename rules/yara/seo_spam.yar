// SEO spam injectors: cloaking code that serves search-engine bots other
// content, and hidden blocks of outbound links.

rule php_seo_cloaking
{
    meta:
        description = "PHP serves search-engine bots content fetched from elsewhere (cloaking)"
        title_ja = "検索エンジンのボットにだけ外部から取得した内容を返す PHP（クローキング）"
        level = "high"
        score = 70
        mitre = "T1608.004, T1491.001"
    strings:
        $ua = "HTTP_USER_AGENT"
        $bot = /googlebot|bingbot|baiduspider|yandexbot/ nocase
        $fetch = /(file_get_contents|curl_init|fopen)\s*\(\s*['"]?https?:\/\// nocase
        $fetch2 = /(file_get_contents|curl_exec)\s*\(\s*\$\w+\s*\)/ nocase
        $url = /['"]https?:\/\/[a-z0-9.-]{4,}/ nocase
    condition:
        filesize < 300KB and $ua and $bot and ($fetch or ($fetch2 and $url))
}

rule html_hidden_link_block
{
    meta:
        description = "Hidden element holding a list of outbound links (link farm)"
        title_ja = "不可視の要素に並ぶ外部リンク（リンクファーム）"
        level = "medium"
        score = 55
        mitre = "T1491.001"
    strings:
        $a = /<(div|span|p)[^>]{0,80}style\s*=\s*["'][^"']{0,80}(display\s*:\s*none|left\s*:\s*-[0-9]{3,}px|visibility\s*:\s*hidden)[^>]{0,80}>\s*(<a [^>]{0,200}href\s*=\s*["']?https?:\/\/[^>]{0,200}>[^<]{0,100}<\/a>[^<]{0,20}){5}/ nocase
    condition:
        $a
}

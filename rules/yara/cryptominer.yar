// Cryptominers planted on websites: in-browser mining scripts and miner
// configurations left in the tree.

rule js_browser_miner
{
    meta:
        description = "In-browser cryptocurrency miner"
        title_ja = "ブラウザ上で動く暗号資産マイナー"
        level = "high"
        score = 75
        mitre = "T1496"
    strings:
        $n1 = "CoinHive.Anonymous"
        $n2 = "CoinHive.User"
        $n3 = "coinhive.min.js" nocase
        $n4 = "CryptoLoot.Anonymous"
        $n5 = "deepMiner.Anonymous"
        $g1 = "cryptonight" nocase
        $g2 = ".setThrottle(" nocase
        $g3 = /miner\.start\s*\(/ nocase
        $g4 = "hashesPerSecond" nocase
    condition:
        any of ($n*) or 3 of ($g*)
}

rule miner_pool_config
{
    meta:
        description = "Cryptocurrency miner configuration or command line (stratum pool)"
        title_ja = "暗号資産マイナーの設定（stratum プール）"
        level = "high"
        score = 75
        mitre = "T1496"
    strings:
        $pool = /stratum\+(tcp|ssl|tls):\/\// nocase
        $m1 = "xmrig" nocase
        $m2 = "--donate-level" nocase
        $m3 = "randomx" nocase
        $m4 = "\"pools\"" nocase
    condition:
        $pool and any of ($m*)
}

// .htaccess and .user.ini tricks: make images or text run as PHP, prepend a
// backdoor to every page, or redirect only search engines and their visitors.
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/signal_util.h"

namespace shodo::files {

void check_htaccess(const FileContext& c, std::vector<Signal>& out) {
  if (c.lang != Language::htaccess || c.binary) return;
  std::string_view t = c.data;
  static const Pattern handler(
      R"((?:AddType|AddHandler)\s+[^\n]*(?:php|x-httpd)[^\n]*\s\.?(?:jpe?g|gif|png|bmp|ico|txt|html?|css|js)\b|<Files(?:Match)?\s[^>]*(?:jpe?g|gif|png|ico|txt)[^>]*>[^<]{0,300}(?:SetHandler|ForceType)\s+[^\n]*php)",
      true);
  if (std::string_view m = handler.find(t); m.data())
    add_signal(out, "htaccess_php_handler", 65, "Non-script files made executable as PHP",
               "スクリプト以外のファイルを PHP として実行させる設定",
               "the server is told to run images or text as PHP: " + std::string(m.substr(0, 120)),
               "画像やテキストを PHP として実行させる設定: " + std::string(m.substr(0, 120)),
               offset_in(t, m), {"T1505.003", "T1036.008"});
  static const Pattern prepend(R"(auto_(?:prepend|append)_file\s*=?\s*["']?([^\s"'\n]+))", true);
  prepend.each(t, [&](std::string_view m, const std::vector<std::string_view>& g) {
    std::string target = lower(g[0]);
    if (target == "none") return true;
    // Security plugins (e.g. web application firewalls) use this legitimately;
    // a target in uploads, tmp or a hidden or image file does not.
    static const Pattern odd(
        R"(/(?:uploads?|tmp|temp|cache)/|/\.|\.(?:jpe?g|gif|png|ico|txt)$|^/dev/|^/tmp)");
    const bool suspicious = odd.find(target).data() != nullptr;
    add_signal(out, "auto_prepend", suspicious ? 70 : 40, "Code prepended to every page",
               "全ページの前後に読み込まれるコード",
               "every PHP page runs " + std::string(g[0]) + " first (auto_prepend/append_file)" +
                   (suspicious ? ", a file in a place code does not belong" : ""),
               "すべての PHP ページで先に " + std::string(g[0]) + " が実行される" +
                   (suspicious ? "（コードを置くべきでない場所のファイル）" : ""),
               offset_in(t, m), {"T1505.003", "T1546"});
    return false;
  });
  // Search engines (by user agent or referrer) sent elsewhere: SEO spam and
  // cloaking redirects.
  static const Pattern bot_cond(
      R"(RewriteCond\s+%\{HTTP_(?:USER_AGENT|REFERER)\}\s+[^\n]*(?:google|bing|yahoo|baidu|yandex|msn|aol|slurp))",
      true);
  static const Pattern external_rule(R"(RewriteRule\s[^\n]*\shttps?://)", true);
  std::string_view cond = bot_cond.find(t);
  if (cond.data() && external_rule.find(t.substr(offset_in(t, cond))).data())
    add_signal(
        out, "htaccess_search_redirect", 55, "Search engines or their visitors redirected",
        "検索エンジン（またはその経由の訪問者）だけを転送",
        "a rewrite sends visitors to another site depending on search-engine " +
            std::string(cond.find("REFERER") != std::string_view::npos ||
                                cond.find("referer") != std::string_view::npos
                            ? "referrer"
                            : "user agent") +
            ": " + std::string(cond.substr(0, 120)),
        "検索エンジンに応じて別サイトへ転送する書き換え: " + std::string(cond.substr(0, 120)),
        offset_in(t, cond), {"T1608.004"});
}

}  // namespace shodo::files

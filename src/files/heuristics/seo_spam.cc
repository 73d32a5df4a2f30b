// SEO spam: hidden blocks of outbound links (link farms), pharma/casino link
// lists, and cloaking that serves search-engine bots other content.
#include "files/heuristics/anchored_pattern.h"
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/signal_util.h"
#include "files/heuristics/trigger.h"

namespace shodo::files {
namespace {

constexpr const char* kSpamWords =
    R"(\b(?:viagra|cialis|levitra|casino|payday|replica|escort|porn|slot\s?online|judi|togel)\b)";
constexpr const char* kBotNames = R"(googlebot|bingbot|baiduspider|yandexbot|google\|bing)";

// What each check needs in the file (see trigger.h).
const Trigger kInlineStyle("style", true);  // every hidden block is hidden by one
const Trigger kSpamWord(kSpamWords, true);
const Trigger kBotName(kBotNames, true);

}  // namespace

void check_seo_spam(const FileContext& c, std::vector<Signal>& out) {
  if (c.binary || !(c.lang == Language::html || c.lang == Language::php || c.lang == Language::js ||
                    c.lang == Language::asp || c.lang == Language::jsp))
    return;
  std::string_view t = c.data;
  static const AnchoredPattern hidden_block(
      {"<div", "<span", "<p", "<ul"},
      R"(<(?:div|span|p|ul)\b[^>]*style\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top)\s*:\s*-\d{3,}px|font-size\s*:\s*0|height\s*:\s*0)[^"']*["'][^>]*>)",
      true);
  static const Pattern link(R"(<a\s[^>]*href\s*=\s*["']?https?://)", true);
  static const Pattern spam_words(kSpamWords, true);
  bool farm = false;
  if (c.has(kInlineStyle))
    hidden_block.each(t, [&](std::string_view m, const std::vector<std::string_view>&) {
      size_t at = offset_in(t, m);
      size_t links = link.count(t.substr(at, 8000), 10);
      if (links < 5) return true;
      farm = true;
      add_signal(out, "hidden_links", 55, "Hidden block of outbound links (link farm)",
                 "不可視のリンク集（SEO スパム）",
                 "a hidden element holds " + std::to_string(links) + (links >= 10 ? "+" : "") +
                     " links to other sites: " + std::string(m.substr(0, 100)),
                 "不可視の要素に外部リンクが" + std::to_string(links) +
                     "件以上: " + std::string(m.substr(0, 100)),
                 at, {"T1491.001"});
      return false;
    });
  if (!farm && c.has(kSpamWord)) {
    size_t words = spam_words.count(t, 10);
    std::string_view first = spam_words.find(t);
    if (words >= 5 && link.count(t, 5) >= 5)
      add_signal(out, "spam_links", 45, "Spam keywords with outbound links",
                 "スパム語句と外部リンク",
                 std::to_string(words) + " spam keywords (" + std::string(first) +
                     "…) next to outbound links",
                 "スパム語句（" + std::string(first) + " など）" + std::to_string(words) +
                     "件と外部リンク",
                 offset_in(t, first), {"T1491.001"});
  }
  // Cloaking: the user agent or referrer compared with search-engine bots, and
  // content fetched from elsewhere or a redirect for them.
  static const Pattern bot_check(kBotNames, true);
  static const Pattern ua_source(
      R"(HTTP_USER_AGENT|HTTP_REFERER|navigator\.userAgent|document\.referrer|Request\.UserAgent|getHeader\s*\(\s*"User-Agent)",
      true);
  static const Pattern other_content(
      R"((?:file_get_contents|curl_init|fopen|readfile|include)\s*\(\s*['"]?https?://|header\s*\(\s*['"]Location:\s*https?://|location(?:\.href)?\s*=\s*['"]https?://)",
      true);
  std::string_view bot = c.has(kBotName) ? bot_check.find(t) : std::string_view();
  if (bot.data() && ua_source.find(t).data()) {
    std::string_view other = other_content.find(t);
    if (other.data())
      add_signal(out, "cloaking", 50, "Different content for search-engine bots (cloaking)",
                 "検索エンジンのボットにだけ別の内容を返す（クローキング）",
                 "checks the visitor for " + std::string(bot) +
                     " and serves or redirects to "
                     "other content (" +
                     std::string(other.substr(0, 60)) + ")",
                 "訪問者が " + std::string(bot) + " かを判定し、別の内容を返すか転送する（" +
                     std::string(other.substr(0, 60)) + "）",
                 offset_in(t, bot), {"T1608.004", "T1491.001"});
  }
}

}  // namespace shodo::files

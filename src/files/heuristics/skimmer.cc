// Web skimmers (Magecart-style): script that reads payment or form fields and
// sends them to another site, hidden iframes, and external scripts in the
// templates of checkout pages.
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/signal_util.h"
#include "files/heuristics/trigger.h"

namespace shodo::files {
namespace {

constexpr const char* kCardFields =
    R"(cc[_-]?(?:num|number|cid|exp|cvv|owner)|card[_-]?(?:num|number|holder|expir|cvc|cvv)|cardnumber|\bcvv2?\b|\bcvc\b|security[_-]?code|payment\[cc|billing\[)";

// What each check needs in the file (see trigger.h).
const Trigger kCardField(kCardFields, true);
const Trigger kIframe("<iframe", true);

}  // namespace

void check_skimmer(const FileContext& c, std::vector<Signal>& out) {
  if (c.binary || !(c.lang == Language::js || c.lang == Language::html || c.lang == Language::php ||
                    c.lang == Language::asp || c.lang == Language::jsp))
    return;
  std::string_view t = c.data;
  static const Pattern card(kCardFields, true);
  static const Pattern harvest(
      R"(querySelectorAll\s*\(\s*['"](?:input|select|form|textarea)|document\.forms|getElementsByTagName\s*\(\s*['"](?:input|form)|\.serialize(?:Array)?\s*\(\s*\)|new\s+FormData\s*\()");
  static const Pattern exfil(
      R"(new\s+Image\s*\(|\.src\s*=|\bfetch\s*\(|XMLHttpRequest|sendBeacon\s*\(|new\s+WebSocket\s*\(|\$\.(?:ajax|post|get)\s*\()");
  // A literal foreign endpoint, or one hidden in base64 ("aHR0c" is "http").
  static const Pattern endpoint(
      R"((?:https?:|wss?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)+|atob\s*\(\s*['"]aHR0c)", true);
  static const Pattern encode(R"(\bbtoa\s*\(|JSON\.stringify\s*\(|encodeURIComponent\s*\()");
  std::string_view exfil_m = c.has(kCardField) ? exfil.find(t) : std::string_view();
  std::string_view card_m = exfil_m.data() ? card.find(t) : std::string_view();
  std::string_view harvest_m = card_m.data() ? harvest.find(t) : std::string_view();
  if (card_m.data() && exfil_m.data()) {
    std::string_view ep = endpoint.find(t);
    const bool both = card_m.data() && harvest_m.data();
    if (ep.data() && card_m.data()) {
      int points = 55 + (both ? 10 : 0) + (encode.find(t).data() ? 5 : 0);
      add_signal(out, "skimmer", points, "Script sending payment fields to another site",
                 "決済フォームの入力を外部へ送信するスクリプト",
                 "reads payment fields (" + std::string(card_m.substr(0, 40)) +
                     (harvest_m.data() ? ", every form input" : "") + ") and sends data out (" +
                     std::string(exfil_m.substr(0, 30)) + ") to " + std::string(ep.substr(0, 80)),
                 "決済項目（" + std::string(card_m.substr(0, 40)) + "）を読み取り、" +
                     std::string(ep.substr(0, 80)) + " へ送信（" +
                     std::string(exfil_m.substr(0, 30)) + "）",
                 offset_in(t, card_m), {"T1056.003", "T1041"});
    }
  }
  static const Pattern hidden_iframe(
      R"(<iframe\b[^>]*(?:width\s*=\s*["']?0\b|height\s*=\s*["']?0\b|display\s*:\s*none|visibility\s*:\s*hidden)[^>]*>|<iframe\b[^>]*src\s*=\s*["']?(?:https?:)?//[^>]*(?:width\s*=\s*["']?[01]\b|height\s*=\s*["']?[01]\b|display\s*:\s*none|visibility\s*:\s*hidden)[^>]*>)",
      true);
  if (std::string_view m = c.has(kIframe) ? hidden_iframe.find(t) : std::string_view(); m.data()) {
    static const Pattern external_src(R"(src\s*=\s*["']?(?:https?:)?//)", true);
    if (external_src.find(m).data())
      add_signal(out, "hidden_iframe", 50, "Hidden iframe loading another site",
                 "他サイトを読み込む不可視の iframe",
                 "an invisible iframe loads an external page: " + std::string(m.substr(0, 120)),
                 "外部ページを読み込む不可視の iframe: " + std::string(m.substr(0, 120)),
                 offset_in(t, m), {"T1189"});
  }
  // External script in a checkout or payment template: alone worth a look,
  // since skimmers arrive exactly there.
  static const Pattern checkout_path(R"(checkout|payment|onepage|billing|/cart)", true);
  static const Pattern ext_script(R"(<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]+>)", true);
  if (checkout_path.find(c.info.path).data())
    if (std::string_view m = ext_script.find(t); m.data())
      add_signal(out, "checkout_external_script", 25, "External script in a checkout template",
                 "決済ページのテンプレートに外部スクリプト",
                 "a checkout/payment template loads a script from another site: " +
                     std::string(m.substr(0, 120)),
                 "決済ページのテンプレートが外部サイトのスクリプトを読み込む: " +
                     std::string(m.substr(0, 120)),
                 offset_in(t, m), {"T1056.003", "T1195"});
}

}  // namespace shodo::files

#include "pii/columns.h"

#include <algorithm>
#include <cstring>

#include "pii/address.h"
#include "pii/birth_date.h"
#include "pii/card.h"
#include "pii/credential.h"
#include "pii/email.h"
#include "pii/my_number.h"
#include "pii/phone.h"
#include "pii/text_finder.h"
#include "pii/text_util.h"

namespace shodo::pii {
namespace {

struct HeaderWords {
  Item item;
  std::initializer_list<std::string_view> contains;  // lower-case ASCII or Japanese
  std::initializer_list<std::string_view> exact;
  // Words of the header ('_'-separated) that make it something else.
  std::initializer_list<std::string_view> except = {};
};

// First match wins: "birth" before "date", "kana" before "name".
const HeaderWords kHeaders[] = {
    {Item::credential,
     {"password", "passwd", "passphrase", "パスワード", "暗証"},
     {"pass", "pwd", "hash", "pw", "pass_hash", "pwd_hash", "password_hash", "user_pass"}},
    // Before the others: "medical_card" is health data, not a card number.
    {Item::sensitive,
     {"medical",   "diagnosis", "diagnoses", "disease",    "illness",    "病歴",    "既往",
      "病名",      "診断",      "診療",      "処方",       "服薬",       "障害",    "障がい",
      "disabilit", "handicap",  "criminal",  "conviction", "犯罪",       "前科",    "religio",
      "宗教",      "信条",      "人種",      "allerg",     "アレルギー", "health_", "健康",
      "妊娠",      "pregnan",   "genetic",   "遺伝",       "病気"},
     {"health", "race", "creed", "ethnicity", "medication", "prescription"},
     {"check", "url", "web", "server", "host", "ip"}},
    {Item::email, {"mail", "メール"}, {}},
    {Item::card_number,
     {"card_no", "card_num", "cardnum", "cardno", "card_number", "cc_num", "ccnum", "cc_number",
      "credit", "クレジット", "カード番号"},
     {"card", "cc", "pan"}},
    {Item::my_number, {"my_number", "mynumber", "kojin_bango", "個人番号", "マイナンバー"}, {}},
    {Item::birth_date, {"birth", "生年月日", "誕生日"}, {"dob", "bday"}},
    {Item::phone,
     {"phone", "tel", "mobile", "fax", "電話", "携帯"},
     {"cell", "cellphone", "keitai"},
     {"hotel", "intel", "telemetry", "cartel", "mobile_os", "os", "agent", "type", "flag"}},
    {Item::postal_code, {"zip", "postal", "postcode", "post_code", "郵便"}, {"yubin"}},
    {Item::address,
     {"address", "addr", "住所", "street"},
     {"pref", "prefecture", "city", "都道府県", "市区町村", "番地"},
     {"ip", "mac", "remote", "url", "web", "server", "host", "wallet", "bitcoin", "contract"}},
    {Item::name,
     {"first_name", "last_name", "full_name", "family_name", "given_name", "middle_name",
      "firstname", "lastname", "fullname", "kana", "furigana", "氏名", "名前", "フリガナ",
      "ふりがな", "customer_name", "user_name_kanji", "sei_kanji", "mei_kanji"},
     {"sei", "mei", "姓", "名", "セイ", "メイ"}},
};

constexpr std::string_view kIdWords[] = {
    "id",    "no",     "num",   "number",  "code",   "count",   "qty",  "time",  "date",
    "price", "amount", "total", "_at",     "seq",    "version", "size", "stock", "point",
    "sku",   "jan",    "isbn",  "barcode", "serial", "token",   "uuid", "key"};

bool is_null(std::string_view v) {
  return v.empty() || v == "NULL" || v == "\\N";
}

bool has_word(std::string_view header, std::string_view word) {
  size_t from = 0;
  while (from <= header.size()) {
    const size_t to = std::min(header.find('_', from), header.size());
    if (header.substr(from, to - from) == word) return true;
    from = to + 1;
  }
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

void set(Hit& out, Item item, std::string_view value, std::string_view normalized,
         uint8_t kind = 0) {
  out = Hit{};
  out.item = item;
  out.kind = kind;
  out.key = item_key(item, normalized);
  out.pos = 0;
  out.len = value.size();
}

// The digits of a value (at most 32: card numbers, phones, My Number).
struct Digits {
  char bytes[33];  // one more for a national 0 put in front
  size_t size = 0;
  std::string_view view() const { return {bytes, size}; }
};

// Digits of `value` when it is only digits, spaces and hyphens, at most 32.
bool digits_only(std::string_view value, Digits& digits) {
  digits.size = 0;
  for (char c : value) {
    if (is_digit(c)) {
      if (digits.size == 32) return false;
      digits.bytes[digits.size++] = c;
    } else if (c != ' ' && c != '-') {
      return false;
    }
  }
  return digits.size != 0;
}

}  // namespace

std::vector<ColumnRole> column_roles(const std::vector<std::string>& headers) {
  std::vector<ColumnRole> roles(headers.size());
  bool person_data = false;
  size_t bare_name = headers.size();
  for (size_t c = 0; c < headers.size(); ++c) {
    const std::string h = lower(headers[c]);
    ColumnRole& r = roles[c];
    for (const HeaderWords& w : kHeaders) {
      const bool hit = std::any_of(w.contains.begin(), w.contains.end(),
                                   [&](std::string_view s) { return h.find(s) != h.npos; }) ||
                       std::find(w.exact.begin(), w.exact.end(), h) != w.exact.end();
      if (hit && std::none_of(w.except.begin(), w.except.end(),
                              [&](std::string_view x) { return has_word(h, x); })) {
        r.pii = true;
        r.item = w.item;
        break;
      }
    }
    if (r.pii) {
      person_data |= r.item != Item::credential;
    } else if (h == "name" || h == "namae") {
      bare_name = c;
    } else {
      for (std::string_view w : kIdWords) {
        const bool whole = h == w, suffix = h.size() > w.size() && h.ends_with(w) &&
                                            (w[0] == '_' || h[h.size() - w.size() - 1] == '_');
        r.id_like |= whole || suffix;
      }
    }
  }
  if (bare_name < headers.size() && person_data) {
    roles[bare_name].pii = true;
    roles[bare_name].item = Item::name;
  }
  return roles;
}

bool check_column_value(Item item, std::string_view value, Hit& out) {
  if (is_null(value)) return false;
  Digits d;
  switch (item) {
    case Item::email: {
      const size_t at = value.find('@');
      size_t b, e;
      if (at == value.npos || !email_around(value, at, b, e)) return false;
      char lowered[kMaxEmail];
      set(out, item, value, lower_email(value.substr(b, e - b), lowered));
      out.pos = b;
      out.len = e - b;
      return true;
    }
    case Item::card_number: {
      // Plain numbers first: a masked one is never only digits.
      if (digits_only(value, d)) {
        const std::string_view digits = d.view();
        if (digits.size() < 13 || digits.size() > 19 || !luhn_valid(digits)) return false;
        const Brand brand = card_brand(digits);
        set(out, item, value, digits, static_cast<uint8_t>(brand));
        out.test = is_test_card(digits);
        return true;
      }
      if (!is_masked_card(value)) return false;
      set(out, item, value, value);
      out.masked = true;
      return true;
    }
    case Item::phone: {
      NationalNumber n;
      PhoneKind kind;
      // Columns often hold the number as digits without the national 0.
      if (!parse_jp_phone(value, n, kind)) {
        if (!digits_only(value, d) || d.bytes[0] == '0' || d.size < 9 || d.size > 10) return false;
        std::memmove(d.bytes + 1, d.bytes, d.size++);
        d.bytes[0] = '0';
        if (!parse_jp_phone(d.view(), n, kind)) return false;
      }
      set(out, item, value, n.view(), static_cast<uint8_t>(kind));
      return true;
    }
    case Item::postal_code: {
      char code[7];
      if (!parse_postal_code(value, code)) return false;
      set(out, item, value, std::string_view(code, 7));
      return true;
    }
    case Item::my_number: {
      if (!digits_only(value, d) || !my_number_valid(d.view())) return false;
      set(out, item, value, d.view());
      return true;
    }
    case Item::birth_date: {
      uint32_t ymd = 0;
      if (!parse_date(value, ymd)) return false;
      set(out, item, value, std::to_string(ymd));
      return true;
    }
    case Item::address:
    case Item::name: {
      // Anything but a bare number (a prefecture code, a zip split off).
      if (std::all_of(value.begin(), value.end(), is_digit)) return false;
      set(out, item, value, value);
      return true;
    }
    case Item::sensitive:
      // Any value: a diagnosis code or a flag in such a column is the fact.
      set(out, item, value, value);
      return true;
    case Item::credential: {
      const CredentialType type = classify_credential(value);
      set(out, item, value, value, static_cast<uint8_t>(type));
      return true;
    }
  }
  return false;
}

}  // namespace shodo::pii

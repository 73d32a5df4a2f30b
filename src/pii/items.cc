// The items' stable names and Japanese labels.
#include <array>

#include "pii/pii.h"

namespace shodo::pii {

std::string_view item_name(Item item) {
  static constexpr std::array<std::string_view, kItems> kNames = {
      "card_number", "email",      "phone", "postal_code", "address",
      "my_number",   "birth_date", "name",  "credential",  "sensitive"};
  return kNames[static_cast<size_t>(item)];
}

std::string_view item_label_ja(Item item) {
  static constexpr std::array<std::string_view, kItems> kLabels = {"カード番号",
                                                                   "メールアドレス",
                                                                   "電話番号",
                                                                   "郵便番号",
                                                                   "住所",
                                                                   "マイナンバー（個人番号）",
                                                                   "生年月日",
                                                                   "氏名",
                                                                   "パスワード等の認証情報",
                                                                   "要配慮個人情報（病歴等）"};
  return kLabels[static_cast<size_t>(item)];
}

}  // namespace shodo::pii

// The value checks on their own: Luhn, brands, My Number check digit,
// phone forms, dates, credentials, header roles, masking, encodings.
#include <gtest/gtest.h>

#include "pii/birth_date.h"
#include "pii/card.h"
#include "pii/columns.h"
#include "pii/credential.h"
#include "pii/decoder.h"
#include "pii/my_number.h"
#include "pii/phone.h"
#include "pii_fixture.h"

namespace shodo::pii {
namespace {

TEST(PiiCard, LuhnAndBrands) {
  EXPECT_TRUE(luhn_valid("4111111111111111"));
  EXPECT_FALSE(luhn_valid("4111111111111112"));
  EXPECT_TRUE(luhn_valid("378282246310005"));
  EXPECT_EQ(card_brand("4111111111111111"), Brand::visa);
  EXPECT_EQ(card_brand("5500000000000004"), Brand::mastercard);
  EXPECT_EQ(card_brand("2221000000000009"), Brand::mastercard);
  EXPECT_EQ(card_brand("2721000000000000"), Brand::other);
  EXPECT_EQ(card_brand("340000000000009"), Brand::amex);
  EXPECT_EQ(card_brand("3528000000000007"), Brand::jcb);
  EXPECT_EQ(card_brand("3590000000000000"), Brand::other);
  EXPECT_EQ(card_brand("30500000000000"), Brand::diners);
  EXPECT_EQ(card_brand("6440000000000000"), Brand::discover);
  EXPECT_EQ(card_brand("6200000000000005"), Brand::unionpay);
  EXPECT_TRUE(brand_length_ok(Brand::visa, 13));
  EXPECT_FALSE(brand_length_ok(Brand::amex, 16));
  EXPECT_TRUE(is_test_card("4111111111111111"));
  EXPECT_FALSE(is_test_card(testing::luhn_complete("453914880343646")));
}

TEST(PiiCard, MaskedForms) {
  EXPECT_TRUE(is_masked_card("4111********1111"));
  EXPECT_TRUE(is_masked_card("****-****-****-1234"));
  EXPECT_TRUE(is_masked_card("XXXX XXXX XXXX 1234"));
  EXPECT_FALSE(is_masked_card("4111111*****1111x"));
  EXPECT_FALSE(is_masked_card("41111111****1111"));  // 8 leading digits shown
  EXPECT_FALSE(is_masked_card("****************"));  // no last 4
  EXPECT_FALSE(is_masked_card("****-****-1234"));    // too short
}

TEST(PiiMyNumber, CheckDigit) {
  EXPECT_TRUE(my_number_valid("123456789018"));
  EXPECT_FALSE(my_number_valid("123456789012"));
  EXPECT_TRUE(my_number_valid("000000000000"));
  EXPECT_FALSE(my_number_valid("12345678901"));
  // Every check digit the fixture computes by the same formula, 0 included.
  for (uint64_t n = 10000000000; n < 10000000000 + 200; ++n) {
    const std::string valid = testing::my_number_complete(std::to_string(n));
    EXPECT_TRUE(my_number_valid(valid)) << valid;
    std::string wrong = valid;
    wrong[11] = static_cast<char>('0' + (wrong[11] - '0' + 1) % 10);
    EXPECT_FALSE(my_number_valid(wrong)) << wrong;
  }
}

TEST(PiiPhone, Forms) {
  NationalNumber n;
  PhoneKind kind;
  ASSERT_TRUE(parse_jp_phone("+81 3-1234-5678", n, kind));
  EXPECT_EQ(n.view(), "0312345678");
  EXPECT_EQ(kind, PhoneKind::landline);
  ASSERT_TRUE(parse_jp_phone("080 1234 5678", n, kind));
  EXPECT_EQ(n.view(), "08012345678");
  EXPECT_EQ(kind, PhoneKind::mobile);
  EXPECT_FALSE(parse_jp_phone("+81 03-1234-5678", n, kind));  // national 0 kept
  EXPECT_FALSE(parse_jp_phone("0800-123-4567", n, kind));     // toll free
  EXPECT_FALSE(parse_jp_phone("090-1234 5678", n, kind));     // mixed separators
}

TEST(PiiBirthDate, Forms) {
  uint32_t ymd = 0;
  EXPECT_EQ(parse_date("1990年1月2日生", ymd), 15u);  // 4 + 3 bytes a kanji
  EXPECT_EQ(ymd, 19900102u);
  EXPECT_EQ(parse_date("2000-02-29", ymd), 10u);
  EXPECT_EQ(parse_date("1900-02-29", ymd), 0u);
  EXPECT_EQ(parse_date("19850315", ymd), 8u);
  EXPECT_EQ(parse_date("198503151", ymd), 0u);
  EXPECT_EQ(parse_date("1985-03-15 00:00:00", ymd), 10u);
}

TEST(PiiCredential, Types) {
  EXPECT_EQ(classify_credential("$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ012"),
            CredentialType::bcrypt);
  EXPECT_EQ(classify_credential("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"),
            CredentialType::argon2);
  EXPECT_EQ(classify_credential("$6$salt$abcdefghijklmnop"), CredentialType::sha512_crypt);
  EXPECT_EQ(classify_credential("5f4dcc3b5aa765d61d8327deb882cf99"), CredentialType::md5);
  EXPECT_EQ(classify_credential("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"), CredentialType::sha1);
  EXPECT_EQ(classify_credential(std::string(64, 'a')), CredentialType::sha256);
  EXPECT_EQ(classify_credential("hunter2"), CredentialType::plaintext);
}

TEST(PiiColumns, Roles) {
  const auto roles = column_roles({"id", "name", "email", "tel", "ip_address", "hotel_name",
                                   "shipping_address", "order_no", "パスワード"});
  EXPECT_FALSE(roles[0].pii);
  EXPECT_TRUE(roles[0].id_like);
  EXPECT_TRUE(roles[1].pii);  // beside e-mail: a person's name
  EXPECT_EQ(roles[1].item, Item::name);
  EXPECT_EQ(roles[2].item, Item::email);
  EXPECT_EQ(roles[3].item, Item::phone);
  EXPECT_FALSE(roles[4].pii);
  EXPECT_FALSE(roles[5].pii);
  EXPECT_EQ(roles[6].item, Item::address);
  EXPECT_TRUE(roles[7].id_like);
  EXPECT_EQ(roles[8].item, Item::credential);
  // A products table's "name" is no person's.
  EXPECT_FALSE(column_roles({"id", "name", "price"})[1].pii);
}

TEST(PiiColumns, SpecialCareRequiredByHeader) {
  const auto roles = column_roles({"patient_id", "medical_history", "診断名", "disability_flag",
                                   "religion", "アレルギー", "criminal_record", "health_check_url",
                                   "diagnostics_log", "race", "trace_id", "medical_card_no"});
  for (size_t c : {1, 2, 3, 4, 5, 6, 9, 11}) {
    EXPECT_TRUE(roles[c].pii) << c;
    EXPECT_EQ(roles[c].item, Item::sensitive) << c;
  }
  for (size_t c : {0, 7, 8, 10}) EXPECT_FALSE(roles[c].pii) << c;
  Hit h;
  EXPECT_TRUE(check_column_value(Item::sensitive, "J45", h));  // a diagnosis code
  EXPECT_TRUE(check_column_value(Item::sensitive, "1", h));    // a flag
  EXPECT_FALSE(check_column_value(Item::sensitive, "NULL", h));
  EXPECT_FALSE(check_column_value(Item::sensitive, "", h));
}

TEST(PiiColumns, ValuesByHeader) {
  Hit h;
  EXPECT_TRUE(check_column_value(Item::phone, "9012345678", h));  // national 0 dropped
  EXPECT_TRUE(check_column_value(Item::card_number, "5500 0000 0000 0004", h));
  EXPECT_FALSE(check_column_value(Item::card_number, "5500 0000 0000 0005", h));
  EXPECT_TRUE(check_column_value(Item::postal_code, "〒100-0001", h));
  EXPECT_FALSE(check_column_value(Item::email, "not an address", h));
  EXPECT_FALSE(check_column_value(Item::name, "NULL", h));
}

TEST(PiiMask, NeverTheFullValue) {
  EXPECT_EQ(mask_card("4111-1111-1111-1111"), "411111******1111");
  EXPECT_EQ(mask_card("378282246310005"), "378282*****0005");
  EXPECT_EQ(mask_card("****-****-****-1234"), "************1234");
  EXPECT_EQ(mask_email("taro.yamada@example.jp"), "t***@example.jp");
  EXPECT_EQ(mask_phone("090-1234-5678"), "***-****-5678");
  EXPECT_EQ(mask_other("東京都新宿区"), "[6 chars]");
  EXPECT_EQ(mask(Item::my_number, "123456789018"), "[12 chars]");
}

TEST(PiiEncoding, Detection) {
  const std::string text = "氏名,住所\n山田 太郎,東京都新宿区西新宿2-8-1 ひらがなとカタカナ\n";
  EXPECT_EQ(detect_encoding(text), Encoding::utf8);
  EXPECT_EQ(detect_encoding(testing::convert(text, "CP932")), Encoding::shift_jis);
  EXPECT_EQ(detect_encoding(testing::convert(text, "EUC-JP")), Encoding::euc_jp);
  std::string binary;
  std::mt19937 rng(3);
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(rng() % 256);
  EXPECT_EQ(detect_encoding(binary), Encoding::unknown);
}

}  // namespace
}  // namespace shodo::pii

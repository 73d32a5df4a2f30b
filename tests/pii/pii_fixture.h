// Seeded fake persons and the files the PII tests scan: MySQL and
// PostgreSQL dumps, CSV exports and logs, with known numbers of persons and
// items. Nothing here is real: e-mail under example.jp, cards random
// Luhn-valid numbers, names from a small pool.
#pragma once

#include <fmt/format.h>
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace shodo::pii::testing {

struct Person {
  std::string name, kana, email, phone, zip, address, card, birth, password, my_number;
};

inline std::string luhn_complete(std::string prefix) {
  unsigned sum = 0;
  for (size_t i = 0; i < prefix.size(); ++i) {
    unsigned d = static_cast<unsigned>(prefix[prefix.size() - 1 - i] - '0');
    if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return prefix + static_cast<char>('0' + (10 - sum % 10) % 10);
}

inline std::string my_number_complete(const std::string& eleven) {
  unsigned sum = 0;
  for (unsigned n = 1; n <= 11; ++n)
    sum += static_cast<unsigned>(eleven[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
  const unsigned r = sum % 11;
  return eleven + static_cast<char>('0' + (r <= 1 ? 0 : 11 - r));
}

// n persons, every e-mail, card, phone and My Number distinct, also from
// those of other calls with other `first` numbers.
inline std::vector<Person> make_people(unsigned seed, size_t n, size_t first = 0) {
  static const char* kSei[] = {"佐藤", "鈴木", "高橋", "田中", "O'Brien"};
  static const char* kMei[] = {"太郎", "花子", "一郎", "美咲", "Liam"};
  static const char* kPlaces[] = {"東京都新宿区西新宿", "大阪府大阪市北区梅田",
                                  "北海道札幌市中央区", "福岡県福岡市博多区"};
  static const char* kIins[] = {"4", "51", "2221", "3530", "37"};
  std::mt19937 rng(seed);
  auto digits = [&](size_t k) {
    std::string s;
    for (size_t i = 0; i < k; ++i) s += static_cast<char>('0' + rng() % 10);
    return s;
  };
  std::vector<Person> out;
  for (size_t i = first; i < first + n; ++i) {
    Person p;
    p.name = fmt::format("{} {}", kSei[i % 5], kMei[(i / 5) % 5]);
    p.kana = "タナカ タロウ";
    p.email = fmt::format("p{}.{}@example.jp", i, rng() % 1000);
    p.phone = fmt::format("090-{:04}-{:04}", i / 10000, i % 10000);
    p.zip = fmt::format("{:03}-{:04}", 100 + rng() % 900, rng() % 10000);
    p.address = fmt::format("{}{}-{}", kPlaces[i % 4], 1 + rng() % 9, 1 + rng() % 30);
    const std::string iin = kIins[i % 5];
    const size_t len = iin == "37" ? 15 : 16;
    p.card = luhn_complete(iin + fmt::format("{:06}", i) + digits(len - 1 - iin.size() - 6));
    p.birth = fmt::format("{}-{:02}-{:02}", 1950 + rng() % 50, 1 + rng() % 12, 1 + rng() % 28);
    p.password = i % 3 == 0   ? "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"
                 : i % 3 == 1 ? "5f4dcc3b5aa765d61d8327deb882cf99"
                              : fmt::format("secret{}", i);
    p.my_number = my_number_complete(fmt::format("{:011}", 10000000000ull + i * 7919));
    out.push_back(std::move(p));
  }
  return out;
}

inline std::string sql_escape(const std::string& s, bool doubled) {
  std::string out;
  for (char c : s) {
    if (c == '\'')
      out += doubled ? "''" : "\\'";
    else
      out += c;
  }
  return out;
}

// A MySQL dump: customers (every item, `per_insert` rows a statement,
// quotes escaped as \' and '' in turn) and a newsletter table holding the
// e-mail of the first `shared` customers (upper-cased) and `fresh` new ones.
inline std::string mysql_dump(const std::vector<Person>& people, size_t per_insert, size_t shared,
                              size_t fresh) {
  std::string s =
      "-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\n"
      "CREATE TABLE `customers` (\n  `id` int NOT NULL,\n  `name` varchar(64),\n"
      "  `name_kana` varchar(64),\n  `email` varchar(255),\n  `tel` varchar(20),\n"
      "  `zip` varchar(8),\n  `address` varchar(255),\n  `card_no` varchar(19),\n"
      "  `birthday` date,\n  `password` varchar(255),\n  `my_number` char(12),\n"
      "  `memo` text,\n  `flags` blob,\n  `points` int,\n  PRIMARY KEY (`id`),\n"
      "  KEY `email` (`email`)\n) ENGINE=InnoDB COMMENT='it''s; (customers)';\n";
  for (size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    if (i % per_insert == 0) s += "INSERT INTO `customers` VALUES ";
    s += fmt::format("({},'{}','{}','{}','{}','{}','{}','{}','{}','{}','{}','{}',0x1F2E,{})", i + 1,
                     sql_escape(p.name, i % 2), p.kana, p.email, p.phone, p.zip, p.address, p.card,
                     p.birth, p.password, p.my_number,
                     i % 4 == 0 ? "NULL" : "call back; don\\'t ship (fragile), 2 items", i * 3);
    // The memo of one row in four is NULL: unquote it.
    if (i % 4 == 0) {
      const size_t at = s.rfind("'NULL'");
      s.replace(at, 6, "NULL");
    }
    s += (i + 1) % per_insert == 0 || i + 1 == people.size() ? ";\n" : ",";
  }
  s += "CREATE TABLE newsletter (id int, email varchar(255), sent_at datetime);\n";
  if (shared + fresh == 0) return s + "-- Dump completed\n";
  s += "INSERT INTO newsletter (id, email, sent_at) VALUES ";
  for (size_t i = 0; i < shared + fresh; ++i) {
    std::string e = i < shared ? people[i].email : fmt::format("fresh{}@example.com", i);
    if (i < shared)
      for (char& c : e) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s += fmt::format("{}({},'{}','2024-01-02 03:04:05')", i ? "," : "", i + 1, e);
  }
  s += ";\n-- Dump completed\n";
  return s;
}

// A CSV export of the persons: quoted cells with commas, doubled quotes and
// a newline inside the address.
inline std::string csv_export(const std::vector<Person>& people) {
  std::string s = "id,氏名,メールアドレス,電話番号,郵便番号,住所,note\r\n";
  for (size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    s += fmt::format("{},\"{}\",{},{},{},\"{}\n2F\",\"said \"\"hi\"\", then left, {}\"\r\n", i + 1,
                     p.name, p.email, p.phone, p.zip, p.address, i);
  }
  return s;
}

// An access log naming each person's e-mail once, among noise lines.
inline std::string access_log(const std::vector<Person>& people) {
  std::string s;
  for (size_t i = 0; i < people.size(); ++i) {
    s += fmt::format("2024-01-02T03:04:{:02}+09:00 GET /index.php?id={} 200 1700000000{:03}\n",
                     i % 60, i, i % 1000);
    s += fmt::format("2024-01-02T03:05:{:02}+09:00 POST /login user={} 302\n", i % 60,
                     people[i].email);
  }
  return s;
}

// A PostgreSQL dump with a COPY block.
inline std::string postgres_dump(const std::vector<Person>& people) {
  std::string s =
      "--\n-- PostgreSQL database dump\n--\nSET standard_conforming_strings = on;\n"
      "CREATE TABLE public.users (\n    id integer NOT NULL,\n    full_name text,\n"
      "    email text,\n    phone text,\n    note text\n);\n"
      "COPY public.users (id, full_name, email, phone, note) FROM stdin;\n";
  for (size_t i = 0; i < people.size(); ++i)
    s += fmt::format("{}\t{}\t{}\t{}\t{}\n", i + 1, people[i].name, people[i].email,
                     i % 2 ? people[i].phone : "\\N", "C:\\path\\x");
  s += "\\.\n\nSELECT pg_catalog.setval('public.users_id_seq', 10, true);\n";
  return s;
}

inline std::string convert(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
  return path.string();
}

}  // namespace shodo::pii::testing

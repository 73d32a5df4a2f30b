#!/usr/bin/env python3
"""Seeded MySQL dump with known personal data, for the `shodo pii` benchmark.

Tables: customers (name, kana, e-mail, phone, postal code, address, card,
birth date, password hash: one person per row), newsletter (e-mail only: part
of them customers', the rest new persons), orders (ids, amounts, times) and
products (long descriptions in Japanese and English, prices, SKUs: no
personal data). All values are fake: names from small pools, e-mail under
example.* domains, cards random Luhn-valid numbers.

  bench/gen_pii_dump.py OUT.sql --size 2G [--seed 1]

Writes OUT.sql and OUT.sql.expected (the counts a scanner must report).
"""
import argparse
import hashlib
import random

SEI = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
MEI = ["太郎", "花子", "一郎", "美咲", "翔", "結衣", "大輔", "陽菜", "健", "さくら"]
SEI_KANA = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ"]
MEI_KANA = ["タロウ", "ハナコ", "イチロウ", "ミサキ", "ショウ", "ユイ", "ダイスケ", "ヒナ", "ケン", "サクラ"]
PLACES = ["東京都新宿区西新宿", "大阪府大阪市北区梅田", "北海道札幌市中央区北一条", "神奈川県横浜市西区みなとみらい",
          "愛知県名古屋市中区栄", "福岡県福岡市博多区博多駅前", "京都府京都市下京区烏丸通", "沖縄県那覇市久茂地"]
WORDS_JA = ["高品質", "素材", "使いやすい", "デザイン", "軽量", "耐久性", "お手入れ", "簡単", "人気", "定番",
            "送料無料", "新作", "限定", "セット", "サイズ", "カラー", "天然", "国産", "贈り物", "おすすめ"]
WORDS_EN = ["durable", "lightweight", "cotton", "premium", "classic", "design", "everyday", "gift",
            "set", "color", "size", "natural", "handmade", "limited", "edition", "easy", "care", "new"]
DOMAINS = ["example.jp", "example.com", "example.net", "example.org"]
IINS = [("4", 16), ("5", 16), ("2221", 16), ("35", 16), ("37", 15), ("6011", 16)]


def luhn_complete(prefix):
    """prefix + the check digit."""
    total = 0
    for i, d in enumerate(reversed(prefix)):
        v = int(d)
        if i % 2 == 0:
            v = v * 2 - 9 if v * 2 > 9 else v * 2
        total += v
    return prefix + str((10 - total % 10) % 10)


def card(rng, i):
    iin, length = IINS[i % len(IINS)]
    if iin == "5":
        iin = str(rng.randint(51, 55))
    elif iin == "35":
        iin = str(rng.randint(3528, 3589))
    body = iin + "".join(rng.choice("0123456789") for _ in range(length - 1 - len(iin)))
    return luhn_complete(body)


def esc(s):
    return s.replace("\\", "\\\\").replace("'", "\\'")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--size", default="2G", help="approximate size: 500M, 2G")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rows-per-insert", type=int, default=400)
    a = ap.parse_args()
    unit = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    size = int(float(a.size[:-1]) * unit[a.size[-1].upper()]) if a.size[-1].isalpha() else int(a.size)
    rng = random.Random(a.seed)
    # Byte shares: customers 25%, newsletter 3%, orders 27%, products 45%.
    customers = max(10, size * 25 // 100 // 330)
    newsletter = max(10, size * 3 // 100 // 60)
    orders = max(10, size * 27 // 100 // 75)
    products = max(10, size * 45 // 100 // 700)
    cards = set()
    emails = []
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    Database: shop\n"
                "-- ------------------------------------------------------\n"
                "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n\n")
        f.write("DROP TABLE IF EXISTS `customers`;\nCREATE TABLE `customers` (\n  `id` int NOT NULL AUTO_INCREMENT,\n"
                "  `name` varchar(64) NOT NULL,\n  `name_kana` varchar(64) DEFAULT NULL,\n  `email` varchar(255) NOT NULL,\n"
                "  `tel` varchar(20) DEFAULT NULL,\n  `zip` varchar(8) DEFAULT NULL,\n  `address` varchar(255) DEFAULT NULL,\n"
                "  `card_no` varchar(19) DEFAULT NULL,\n  `birthday` date DEFAULT NULL,\n  `password` varchar(255) NOT NULL,\n"
                "  `created_at` datetime NOT NULL,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `email` (`email`)\n"
                ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\nLOCK TABLES `customers` WRITE;\n")
        rows = []
        for i in range(1, customers + 1):
            s, m = rng.randrange(10), rng.randrange(10)
            email = f"{['taro','hanako','user','info','k'][i % 5]}{i}.{rng.randrange(1000)}@{DOMAINS[i % 4]}"
            emails.append(email)
            tel = f"0{rng.choice('789')}0-{1000 + (i // 10000) % 9000}-{i % 10000:04d}" if i % 3 else \
                f"0{rng.randint(3, 9)}-{1000 + (i // 10000) % 9000}-{i % 10000:04d}"
            c = card(rng, i)
            while c in cards:
                c = card(rng, i)
            cards.add(c)
            pw = "$2y$10$" + hashlib.md5(str(i).encode()).hexdigest()[:22] + "abcdefghijklmnopqrstuvwxyz0123"[:31]
            rows.append(f"({i},'{SEI[s]} {MEI[m]}','{SEI_KANA[s]} {MEI_KANA[m]}','{email}','{tel}',"
                        f"'{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}','{PLACES[i % 8]}{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}',"
                        f"'{c}','{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}','{pw}',"
                        f"'2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 12:00:00')")
            if len(rows) == a.rows_per_insert:
                f.write("INSERT INTO `customers` VALUES " + ",".join(rows) + ";\n")
                rows = []
        if rows:
            f.write("INSERT INTO `customers` VALUES " + ",".join(rows) + ";\n")
        f.write("UNLOCK TABLES;\n\n")
        # Newsletter: half the addresses are customers', half new persons.
        f.write("CREATE TABLE `newsletter` (\n  `id` int NOT NULL,\n  `email` varchar(255) NOT NULL,\n"
                "  `subscribed_at` datetime NOT NULL\n) ENGINE=InnoDB;\n")
        new_persons = 0
        rows = []
        for i in range(1, newsletter + 1):
            if i % 2 and emails:
                email = emails[rng.randrange(len(emails))].upper()  # same person, other case
            else:
                email = f"news{i}@{DOMAINS[i % 4]}"
                new_persons += 1
            rows.append(f"({i},'{email}','2024-01-{1 + i % 28:02d} 09:00:00')")
            if len(rows) == a.rows_per_insert:
                f.write("INSERT INTO `newsletter` (`id`,`email`,`subscribed_at`) VALUES " + ",".join(rows) + ";\n")
                rows = []
        if rows:
            f.write("INSERT INTO `newsletter` (`id`,`email`,`subscribed_at`) VALUES " + ",".join(rows) + ";\n")
        f.write("\nCREATE TABLE `orders` (\n  `id` bigint NOT NULL,\n  `customer_id` int NOT NULL,\n"
                "  `order_no` varchar(20) NOT NULL,\n  `amount` decimal(10,2) NOT NULL,\n  `status` varchar(16) NOT NULL,\n"
                "  `ordered_at` datetime NOT NULL\n) ENGINE=InnoDB;\n")
        rows = []
        statuses = ["paid", "shipped", "cancelled", "pending"]
        for i in range(1, orders + 1):
            rows.append(f"({1700000000000 + i},{rng.randint(1, customers)},'ORD{rng.randrange(10**12):012d}',"
                        f"{rng.randint(100, 99999)}.{rng.randrange(100):02d},'{statuses[i % 4]}','2024-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00')")
            if len(rows) == a.rows_per_insert:
                f.write("INSERT INTO `orders` VALUES " + ",".join(rows) + ";\n")
                rows = []
        if rows:
            f.write("INSERT INTO `orders` VALUES " + ",".join(rows) + ";\n")
        f.write("\nCREATE TABLE `products` (\n  `id` int NOT NULL,\n  `name` varchar(128) NOT NULL,\n"
                "  `description` text,\n  `price` int NOT NULL,\n  `stock` int NOT NULL,\n  `sku` varchar(32) NOT NULL\n) ENGINE=InnoDB;\n")
        rows = []
        for i in range(1, products + 1):
            ja = "".join(rng.choice(WORDS_JA) for _ in range(rng.randint(25, 60)))
            en = " ".join(rng.choice(WORDS_EN) for _ in range(rng.randint(20, 50)))
            desc = esc(f"{ja}。{en}. Size {rng.randint(10, 99)}cm x {rng.randint(10, 99)}cm, {rng.randint(100, 2000)}g. "
                       f"Model {rng.randrange(10**8):08d}, lot {rng.randrange(10**6)}.")
            rows.append(f"({i},'{rng.choice(WORDS_JA)}{rng.choice(WORDS_EN)} {i}','{desc}',{rng.randint(300, 50000)},"
                        f"{rng.randint(0, 500)},'SKU-{rng.randrange(10**10):010d}')")
            if len(rows) == a.rows_per_insert:
                f.write("INSERT INTO `products` VALUES " + ",".join(rows) + ";\n")
                rows = []
        if rows:
            f.write("INSERT INTO `products` VALUES " + ",".join(rows) + ";\n")
        f.write("-- Dump completed on 2024-03-01 12:00:00\n")
    with open(a.out + ".expected", "w") as f:
        f.write(f"persons {customers + new_persons}\ncustomers {customers}\nnewsletter {newsletter}\n"
                f"orders {orders}\nproducts {products}\ncards {len(cards)}\n")


if __name__ == "__main__":
    main()

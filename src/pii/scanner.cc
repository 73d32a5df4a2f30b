// The scanner: opens each file (decompressing, decoding), tells its format,
// runs its parser, and merges its results into the totals under one lock.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>
#include <utility>

#include "ingest/read/stream.h"
#include "pii/credential.h"
#include "pii/decoder.h"
#include "pii/file_scan.h"
#include "pii/parsers.h"
#include "pii/persons.h"
#include "pii/phone.h"
#include "pii/pii.h"
#include "pii/text_util.h"

namespace shodo::pii {
namespace {

constexpr size_t kChunk = 1 << 20;
constexpr size_t kBinaryProbe = 4096;

bool ends_with_lower(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         equals_ascii_lower(s.substr(s.size() - suffix.size()), suffix);
}

// "sql", "csv", "tsv" or "text", by name (compression suffix aside), else
// by the first statements of a dump.
std::string file_format(std::string_view label, std::string_view head) {
  for (std::string_view z : {".gz", ".zst", ".bz2", ".xz"})
    if (ends_with_lower(label, z)) label.remove_suffix(z.size());
  if (ends_with_lower(label, ".sql") || ends_with_lower(label, ".dump")) return "sql";
  if (ends_with_lower(label, ".csv")) return "csv";
  if (ends_with_lower(label, ".tsv") || ends_with_lower(label, ".tab")) return "tsv";
  for (std::string_view mark : {"-- MySQL dump", "-- MariaDB dump", "-- PostgreSQL database dump",
                                "\nINSERT INTO ", "\nCREATE TABLE ", "\nCOPY "})
    if (head.find(mark) != std::string_view::npos) return "sql";
  if (head.starts_with("INSERT INTO ") || head.starts_with("CREATE TABLE ")) return "sql";
  return "text";
}

// Adds `from` to `into`; taken whole when `into` is empty (one big dump).
void merge_set(HashSet64& into, HashSet64& from) {
  if (into.size() == 0) {
    std::swap(into, from);
    return;
  }
  from.for_each([&](uint64_t key) { into.insert(key); });
}

}  // namespace

struct Scanner::State {
  explicit State(const Options& o) : options(o) {}

  void scan_stream(ingest::ByteStream& stream, const std::string& label);
  void merge(FileScan& scan, std::string_view encoding, std::string_view compression);
  void add_persons(std::vector<uint64_t>& rows);
  void add_problem(std::string file, std::string reason) {
    std::lock_guard<std::mutex> lock(mu);
    problems.push_back({{std::move(file), 0, 0}, std::move(reason)});
  }
  void scan_view(const fsview::View& view, const std::string& prefix);

  Options options;
  std::mutex mu;  // guards everything below
  std::vector<Unit> units;
  std::vector<Problem> problems;
  PersonIndex persons;
  uint64_t without_id = 0, rows_with_pii = 0, files = 0, bytes = 0, truncated = 0, masked = 0;
  std::array<HashSet64, kBrands> brands;
  HashSet64 tests;
  std::array<HashSet64, kItems> items;
};

void Scanner::State::add_persons(std::vector<uint64_t>& rows) {
  std::lock_guard<std::mutex> lock(mu);
  persons.add_rows(rows);
  rows.clear();
}

void Scanner::State::scan_stream(ingest::ByteStream& stream, const std::string& label) {
  Decoder decoder(stream);
  Input in(decoder, kChunk, std::max<size_t>(options.max_line_bytes, 64));
  in.more(0);
  const std::string_view head = in.window();
  if (head.substr(0, kBinaryProbe).find('\0') != std::string_view::npos) {
    add_problem(label, "binary data (NUL bytes in the first 4 KiB): not scanned");
    return;
  }
  const std::string format = file_format(label, head);
  FileScan scan(label, format, in);
  scan.on_person_rows([this](std::vector<uint64_t>& rows) { add_persons(rows); });
  if (format == "sql") {
    parse_sql_dump(in, scan);
  } else if (format == "csv" || format == "tsv") {
    parse_delimited(in, scan, format == "csv" ? ',' : '\t');
  } else {
    parse_text(in, scan);
  }
  const uint64_t end = in.bytes_read();
  if (!stream.error().empty())
    scan.problems().push_back({{label, 0, end}, "read stopped: " + stream.error()});
  if (decoder.invalid_bytes())
    scan.problems().push_back(
        {{label, 0, 0},
         fmt::format("{} bytes not valid {}: read as U+FFFD", decoder.invalid_bytes(),
                     encoding_name(decoder.encoding()))});
  if (decoder.encoding() == Encoding::unknown)
    scan.problems().push_back({{label, 0, 0},
                               "encoding not recognized (neither UTF-8, Shift_JIS nor EUC-JP): "
                               "non-ASCII bytes read as they are"});
  {
    std::lock_guard<std::mutex> lock(mu);
    bytes += end;
  }
  merge(scan, encoding_name(decoder.encoding()), stream.compression());
}

void Scanner::State::merge(FileScan& scan, std::string_view encoding,
                           std::string_view compression) {
  add_persons(scan.person_rows());
  std::vector<Unit> done;
  for (auto& [table, u] : scan.units()) {
    Unit out;
    out.file = scan.label();
    out.table = table;
    out.format = scan.format();
    out.encoding = encoding;
    out.compression = compression;
    out.rows = u.rows;
    out.rows_with_pii = u.rows_with_pii;
    for (size_t c = 0; c < u.roles.size(); ++c)
      if (u.roles[c].pii)
        out.sensitive_columns.push_back({u.headers[c], std::string(item_name(u.roles[c].item))});
    for (size_t k = 0; k < kItems; ++k) {
      ItemTally& t = u.items[k];
      if (!t.seen) continue;
      const Item item = static_cast<Item>(k);
      ItemFinding f;
      f.item = item_name(item);
      f.values = t.values;
      f.distinct = t.distinct.size();
      f.columns = t.columns;
      f.first = {scan.label(), t.first_line, t.first_offset};
      f.examples = t.examples;
      f.masked = t.masked;
      f.test = t.test;
      if (item == Item::card_number) {
        for (size_t b = 0; b < kBrands; ++b)
          if (t.card_brands[b].size())
            f.kinds.push_back(
                {std::string(brand_name(static_cast<Brand>(b))), t.card_brands[b].size()});
      } else if (item == Item::phone) {
        for (size_t b = 0; b < kPhoneKinds; ++b)
          if (t.kinds[b])
            f.kinds.push_back(
                {std::string(phone_kind_name(static_cast<PhoneKind>(b))), t.kinds[b]});
      } else if (item == Item::credential) {
        for (size_t b = 0; b < kCredentialTypes; ++b)
          if (t.kinds[b])
            f.kinds.push_back(
                {std::string(credential_type_name(static_cast<CredentialType>(b))), t.kinds[b]});
      }
      out.items.push_back(std::move(f));
    }
    done.push_back(std::move(out));
  }
  std::lock_guard<std::mutex> lock(mu);
  ++files;
  without_id += scan.persons_without_identifier();
  truncated += scan.truncated_count();
  for (auto& [table, u] : scan.units()) {
    rows_with_pii += u.rows_with_pii;
    for (size_t k = 0; k < kItems; ++k) {
      ItemTally& t = u.items[k];
      masked += k == static_cast<size_t>(Item::card_number) ? t.masked : 0;
      merge_set(items[k], t.distinct);
      for (size_t b = 0; b < kBrands; ++b) merge_set(brands[b], t.card_brands[b]);
      merge_set(tests, t.test_cards);
    }
  }
  std::move(done.begin(), done.end(), std::back_inserter(units));
  std::move(scan.problems().begin(), scan.problems().end(), std::back_inserter(problems));
}

Scanner::Scanner(const Options& options) : state_(std::make_unique<State>(options)) {}
Scanner::~Scanner() = default;

void Scanner::scan(const fsview::View& view, const fsview::FileInfo& file, std::string label) {
  std::string error;
  std::unique_ptr<fsview::Reader> reader = view.open(file, error);
  if (!reader) {
    state_->add_problem(label, "cannot be read: " + error);
    return;
  }
  auto stream = ingest::ByteStream::open(std::move(reader), error, state_->options.expansion);
  if (!stream) {
    state_->add_problem(label, "cannot be read: " + error);
    return;
  }
  state_->scan_stream(*stream, label);
}

void Scanner::State::scan_view(const fsview::View& view, const std::string& prefix) {
  std::vector<fsview::FileInfo> files_found;
  view.walk(
      "/", {},
      [&](const fsview::FileInfo& f) {
        if (f.type == fsview::FileType::regular) files_found.push_back(f);
        return fsview::Visit::descend;
      },
      [&](const fsview::Problem& p) { add_problem(prefix + p.path, p.reason); });
  const unsigned threads = std::max<unsigned>(
      1, std::min<unsigned>(options.threads ? options.threads : std::thread::hardware_concurrency(),
                            static_cast<unsigned>(files_found.size())));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < files_found.size();) {
      const fsview::FileInfo& f = files_found[i];
      const std::string label = prefix + f.path;
      std::string error;
      std::unique_ptr<fsview::Reader> reader = view.open(f, error);
      std::unique_ptr<ingest::ByteStream> stream =
          reader ? ingest::ByteStream::open(std::move(reader), error, options.expansion) : nullptr;
      if (!stream) {
        add_problem(label, "cannot be read: " + error);
        continue;
      }
      scan_stream(*stream, label);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

void Scanner::scan_path(const std::string& host_path) {
  State& s = *state_;
  std::error_code ec;
  if (std::filesystem::is_directory(host_path, ec)) {
    std::string error;
    auto view = fsview::open_directory(host_path, error);
    if (!view) {
      s.add_problem(host_path, "cannot be read: " + error);
      return;
    }
    std::string prefix = host_path;
    while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
    s.scan_view(*view, prefix == "/" ? "" : prefix);
    return;
  }
  if (fsview::looks_like_disk_image(host_path)) {
    fsview::Source source = fsview::open_source(host_path);
    for (const fsview::Problem& p : source.problems) s.add_problem(p.path, p.reason);
    for (const auto& view : source.views) {
      const fsview::Volume* v = view->volume();
      const std::string prefix = source.views.size() > 1 && v
                                     ? fmt::format("{}@{}:", host_path, v->partition)
                                     : host_path + ":";
      s.scan_view(*view, prefix);
    }
    return;
  }
  std::string error;
  if (fsview::looks_like_archive_name(host_path)) {
    // A site or database backup (.tar.gz, .zip...): its entries, each by
    // its own format, named "ARCHIVE:/entry".
    std::vector<fsview::Problem> problems;
    auto view = fsview::open_archive(host_path, problems, error, s.options.expansion);
    for (const fsview::Problem& p : problems) s.add_problem(host_path + ":" + p.path, p.reason);
    if (view) {
      s.scan_view(*view, host_path + ":");
      return;
    }
    error.clear();  // not an archive after all: read as one stream
  }
  auto stream = ingest::ByteStream::open(host_path, error, s.options.expansion);
  if (!stream) {
    s.add_problem(host_path, "cannot be read: " + error);
    return;
  }
  s.scan_stream(*stream, host_path);
}

Report Scanner::finish() {
  // Scans still running would be lost: the caller has joined them.
  std::unique_ptr<State> done = std::exchange(state_, std::make_unique<State>(state_->options));
  State& s = *done;
  Report r;
  r.units = std::move(s.units);
  std::sort(r.units.begin(), r.units.end(), [](const Unit& a, const Unit& b) {
    return std::tie(a.file, a.table) < std::tie(b.file, b.table);
  });
  r.problems = std::move(s.problems);
  std::stable_sort(r.problems.begin(), r.problems.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.where.file, a.where.offset, a.where.line) <
           std::tie(b.where.file, b.where.offset, b.where.line);
  });
  r.files_scanned = s.files;
  r.bytes_scanned = s.bytes;
  r.persons = s.persons.persons() + s.without_id;
  r.persons_without_identifier = s.without_id;
  r.rows_with_pii = s.rows_with_pii;
  for (size_t b = 0; b < kBrands; ++b)
    if (s.brands[b].size())
      r.cards_by_brand.push_back(
          {std::string(brand_name(static_cast<Brand>(b))), s.brands[b].size()});
  r.masked_cards = s.masked;
  r.test_cards = s.tests.size();
  for (size_t k = 0; k < kItems; ++k)
    if (s.items[k].size())
      r.items.push_back({std::string(item_name(static_cast<Item>(k))), s.items[k].size()});
  r.truncated = s.truncated;
  return r;
}

}  // namespace shodo::pii

// Internal to report/: how the incident reports are made. Each report is
// built once as a small document (headings, paragraphs, tables, charts, all
// holding raw text) and then written as HTML or Markdown, so both formats
// say the same in the same order and each escapes in one place.
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "investigate/investigation.h"

namespace date {
class time_zone;
}

namespace shodo::report::incident {

using investigate::TimeUs;

// ---- The document ------------------------------------------------------------

// A run of text. `text` is raw and possibly attacker-written: writers escape it.
struct Inline {
  enum class Kind : uint8_t { text, code, strong, link };
  Kind kind = Kind::text;
  std::string text;
  std::string anchor;  // link: the id of a heading in the same document
};
using Inlines = std::vector<Inline>;

inline Inline plain(std::string s) {
  return {Inline::Kind::text, std::move(s), {}};
}
inline Inline code(std::string s) {
  return {Inline::Kind::code, std::move(s), {}};
}
inline Inline strong(std::string s) {
  return {Inline::Kind::strong, std::move(s), {}};
}
inline Inline link(const std::string& anchor) {
  return {Inline::Kind::link, anchor, anchor};
}

struct Heading {
  int level = 2;  // 1 the report's title, 2 a section, 3 and 4 below
  std::string text;
  std::string anchor;  // the id links point to; empty for none
};
// How a paragraph stands out: the confidentiality notice, the verdict.
enum class Tone : uint8_t { plain, confidential, alarm, caution, calm, note };
struct Paragraph {
  Inlines content;
  Tone tone = Tone::plain;
};
struct List {
  std::vector<Inlines> items;
  bool ordered = false;
};
// Label: value rows (the case, one webshell, one finding).
struct Fields {
  std::vector<std::pair<std::string, Inlines>> rows;
};
struct Table {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: right-aligned
  std::vector<std::vector<Inlines>> rows;
};
// Evidence text shown verbatim, line by line (excerpts, diffs, commands).
struct CodeBlock {
  std::string text;
};
// Stacked bars; writers map each series' shade to a colour or a glyph.
enum class Shade : uint8_t { attack, attack_secondary, neutral };
struct Chart {
  std::string title;
  std::vector<std::pair<std::string, Shade>> series;
  struct Bar {
    std::string label;             // the row's label, or the hour in full
    std::string tick;              // vertical charts: axis label under the bar, "" for none
    std::vector<uint64_t> values;  // one per series
  };
  std::vector<Bar> bars;
  bool vertical = false;  // columns over time, or one row per bar with its label
  std::string axis_note;  // vertical: what the x axis shows
};
using Block = std::variant<Heading, Paragraph, List, Fields, Table, CodeBlock, Chart>;

struct Document {
  std::string lang;   // ja | en
  std::string title;  // the browser's title
  std::vector<Block> blocks;
};

std::string write_html(const Document& doc);
std::string write_markdown(const Document& doc);

// A chart as inline SVG (HTML), or as lines of bars drawn with characters
// (raw text, for a code block).
void append_svg_chart(std::string& out, const Chart& chart);
std::string text_chart(const Chart& chart);

// "T1190, T1505.003" (raw: writers escape).
inline std::string joined(const std::vector<std::string>& items,
                          std::string_view separator = ", ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

// Lines of raw text cut at '\n' (a final '\n' ends the last line), each
// escaped by `escape` and ended with a newline: evidence keeps its line
// breaks, never its control characters.
template <typename Escape>
void append_lines(std::string& out, std::string_view text, Escape escape) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  for (size_t start = 0; start <= text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    escape(out, text.substr(start, end - start));
    out += '\n';
    start = end + 1;
  }
}

// ---- Words and times ---------------------------------------------------------

// The model's enumerated values, each a vocabulary of its own.
enum class Term : uint8_t {
  verdict,
  confidence,
  phase,
  priority,
  level,
  outcome,
  change,
  assessment,
  evidence_kind,
  evidence_role,
  origin,
};
// A value in words ("compromised" -> 侵害あり / Compromised); unknown values as given.
std::string term(Term vocabulary, std::string_view value, bool ja);

// The case's display zone: an IANA name, "UTC" or a fixed offset (±HH:MM).
class DisplayZone {
 public:
  // An unknown name falls back to UTC, and name() says so.
  explicit DisplayZone(const std::string& name);
  const std::string& name() const { return name_; }
  int32_t offset_at(TimeUs t) const;
  // "2024-03-10 01:12:03 +09:00", to the second. t must not be kNoTime.
  std::string format(TimeUs t) const;

 private:
  std::string name_;
  const date::time_zone* iana_ = nullptr;
  int32_t fixed_offset_s_ = 0;
};

// An ISO 8601 UTC time such as generated_at; kNoTime when it is not one.
TimeUs parse_utc(std::string_view iso);

// ---- Building ------------------------------------------------------------------

// Words in the report's language and times in the case's display zone.
class Wording {
 public:
  Wording(const investigate::Investigation& inv, std::string_view lang);

  const std::string lang;  // ja | en
  const bool ja;
  const DisplayZone zone;

  std::string_view tr(std::string_view en, std::string_view ja_text) const {
    return ja ? ja_text : en;
  }
  const std::string& text(const investigate::Text& t) const { return t.in(lang); }
  std::string words(Term vocabulary, std::string_view value) const {
    return term(vocabulary, value, ja);
  }
  // In the display zone; 不明 / — for no time.
  std::string time(TimeUs t) const;
  // "first – last", or one time when they are equal or last is unknown.
  std::string period(TimeUs first, TimeUs last) const;
};

// What every section builder needs: the model, the wording, the document
// so far and the finding ids that get an entry (an anchor) in it. Links go
// only to those, so no link dangles.
class Builder : public Wording {
 public:
  Builder(const investigate::Investigation& inv, std::string_view lang,
          std::set<std::string> anchors);

  const investigate::Investigation& inv;
  const std::set<std::string> anchors;
  Document doc;

  void add(Block block) { doc.blocks.push_back(std::move(block)); }
  // A numbered section heading ("3. インシデント期間").
  void section(std::string_view en, std::string_view ja_text);
  void subsection(std::string_view en, std::string_view ja_text);
  // A "label: value" row, the label in the report's language.
  void field(Fields& fields, std::string_view en, std::string_view ja_text, Inlines value) const {
    fields.rows.emplace_back(std::string(tr(en, ja_text)), std::move(value));
  }
  // A muted sentence, e.g. that nothing was found.
  void note(std::string_view en, std::string_view ja_text);

  // Where a statement comes from: links to those of the findings that have
  // an entry here ("F0003, F0004"), else the citation's place
  // ("access.log:11100"), else nothing.
  Inlines sources(const std::vector<std::string>& finding_ids,
                  const investigate::Citation& citation = {}) const;
  // Appends " [sources]" to a sentence when there are any.
  void cite(Inlines& sentence, const std::vector<std::string>& finding_ids,
            const investigate::Citation& citation = {}) const;
  // "file:line", with " (inode 12)" when the inode is known.
  static std::string place(const investigate::Citation& citation);

 private:
  int sections_ = 0;
};

// Whether a finding id can be an anchor: it is used in href="#…" and as a
// Markdown link target, so only letters, digits, '.', '_' and '-'.
bool anchor_safe(std::string_view id);

// Parts both reports have.
void add_header(Builder& b, std::string_view title_en, std::string_view title_ja);
void add_findings(Builder& b, const std::vector<const investigate::FindingRecord*>& findings);
void add_limitations(Builder& b);
// Table of the evidence items given (all of them, or one role), with hashes.
void add_evidence_table(Builder& b, const std::vector<const investigate::EvidenceRecord*>& items);

// Sections of the initial report that have a file of their own, in report order.
void add_attackers(Builder& b);
void add_activity(Builder& b);
void add_compromised_files(Builder& b);
void add_damage(Builder& b);
void add_leak(Builder& b);
void add_measures(Builder& b);
void add_next_steps(Builder& b);
void add_evidence(Builder& b);

Document build_initial_report(const investigate::Investigation& inv, std::string_view lang);
Document build_disk_report(const investigate::Investigation& inv, std::string_view lang);

}  // namespace shodo::report::incident

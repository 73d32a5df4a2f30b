// An incident report as Markdown (CommonMark with GitHub tables): the same
// blocks as the HTML one. Evidence text can neither add markup nor break a
// table: control characters and invalid UTF-8 are shown as escape_terminal
// shows them, & < > become character references, the characters Markdown
// acts on are backslash-escaped, and verbatim text goes in fenced code
// blocks whose fence is longer than any backtick run inside.
#include <string>

#include "report/incident_report_internal.h"
#include "util/escape.h"

namespace shodo::report::incident {
namespace {

// Characters with a meaning inline (emphasis, links, code, tables,
// strike-through, math in some renderers); backslash-escaped wherever they are.
constexpr std::string_view kActive = "\\`*_[]|~#$";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Where `s` starts with a list marker or a thematic break ("- ", "+ ",
// "---", "1. ", "1) "), the position of the punctuation that makes it one;
// npos otherwise.
size_t block_marker(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) return 0;
  size_t digits = 0;
  while (digits < s.size() && digits < 10 && is_digit(s[digits])) ++digits;
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      (digits + 1 == s.size() || s[digits + 1] == ' '))
    return digits;
  return std::string_view::npos;
}

// `block_start`: the text opens a paragraph or list item, where a marker
// would start a (nested) list or draw a line.
void append_text(std::string& out, std::string_view raw, bool block_start) {
  const std::string s = util::escape_terminal(raw);
  const size_t marker = block_start ? block_marker(s) : std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      if (kActive.find(c) != std::string_view::npos || i == marker) out += '\\';
      out += c;
    }
  }
}

// Longest run of backticks in the text, for a fence that cannot be closed from inside.
size_t longest_backtick_run(std::string_view s) {
  size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

void append_fenced(std::string& out, std::string_view text) {
  const std::string fence(std::max<size_t>(3, longest_backtick_run(text) + 1), '`');
  out += fence + '\n';
  append_lines(out, text, util::append_escaped_terminal);
  out += fence + '\n';
}

class MarkdownWriter {
 public:
  explicit MarkdownWriter(std::string& out) : out_(out) {}

  void operator()(const Heading& h) {
    if (!h.anchor.empty()) out_ += "<a id=\"" + h.anchor + "\"></a>\n\n";
    out_ += std::string(static_cast<size_t>(h.level), '#') + ' ';
    append_text(out_, h.text, false);
    out_ += '\n';
  }
  void operator()(const Paragraph& p) {
    // The verdict and warnings stand out as a quote.
    if (p.tone == Tone::alarm || p.tone == Tone::caution || p.tone == Tone::calm) out_ += "> ";
    inlines(p.content);
    out_ += '\n';
  }
  void operator()(const List& l) {
    for (size_t i = 0; i < l.items.size(); ++i) {
      out_ += l.ordered ? std::to_string(i + 1) + ". " : "- ";
      inlines(l.items[i]);
      out_ += '\n';
    }
  }
  void operator()(const Fields& f) {
    for (const auto& [label, value] : f.rows) {
      out_ += "- **";
      append_text(out_, label, false);
      out_ += "**: ";
      inlines(value);
      out_ += '\n';
    }
  }
  void operator()(const Table& t) {
    out_ += '|';
    for (const auto& cell : t.header) {
      out_ += ' ';
      append_text(out_, cell, true);
      out_ += " |";
    }
    out_ += "\n|";
    for (size_t c = 0; c < t.header.size(); ++c)
      out_ += c < t.numeric.size() && t.numeric[c] ? " ---: |" : " --- |";
    out_ += '\n';
    for (const auto& row : t.rows) {
      out_ += '|';
      for (const auto& cell : row) {
        out_ += ' ';
        inlines(cell);
        out_ += " |";
      }
      out_ += '\n';
    }
  }
  void operator()(const CodeBlock& c) { append_fenced(out_, c.text); }
  void operator()(const Chart& c) {
    out_ += "**";
    append_text(out_, c.title, false);
    out_ += "**\n\n";
    append_fenced(out_, text_chart(c));
  }

 private:
  void inlines(const Inlines& content) {
    for (size_t i = 0; i < content.size(); ++i) {
      const Inline& in = content[i];
      switch (in.kind) {
        case Inline::Kind::text:
        case Inline::Kind::code:
          // Code spans cannot hold escapes, so evidence stays escaped text.
          append_text(out_, in.text, i == 0);
          break;
        case Inline::Kind::strong: strong(in.text); break;
        case Inline::Kind::link:
          // Anchors are finding ids the Builder checked with anchor_safe().
          out_ += '[';
          append_text(out_, in.text, false);
          out_ += "](#" + in.anchor + ')';
          break;
      }
    }
  }

  // Spaces at either end go outside the ** (a ** next to a space does not
  // close or open).
  void strong(std::string_view s) {
    const size_t begin = s.find_first_not_of(' ');
    if (begin == std::string_view::npos) {
      out_ += s;
      return;
    }
    const size_t end = s.find_last_not_of(' ') + 1;
    out_ += s.substr(0, begin);
    out_ += "**";
    append_text(out_, s.substr(begin, end - begin), false);
    out_ += "**";
    out_ += s.substr(end);
  }

  std::string& out_;
};

}  // namespace

std::string write_markdown(const Document& doc) {
  std::string out;
  MarkdownWriter writer(out);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (i) out += '\n';
    std::visit(writer, doc.blocks[i]);
  }
  return out;
}

}  // namespace shodo::report::incident

// An incident report as one HTML file that opens offline: the styles inline,
// no script, and a Content-Security-Policy that refuses anything else. All
// text goes through append_html; the only links are to anchors in the file.
#include <string>

#include "report/incident_report_internal.h"
#include "util/escape.h"

namespace shodo::report::incident {
namespace {

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
body { margin: 0; background: #eef0f3; color: #1d2329;
  font: 15px/1.7 "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", Meiryo,
    "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 44px 64px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 14px; padding-bottom: 8px; border-bottom: 3px solid #1d2329; }
h2 { font-size: 20px; margin: 44px 0 12px; padding: 4px 10px; border-left: 6px solid #35495e;
  background: #eef1f5; }
h3 { font-size: 17px; margin: 26px 0 8px; }
h3[id] { border-bottom: 1px solid #d5dbe1; padding-bottom: 2px; }
h4 { font-size: 15px; margin: 18px 0 6px; overflow-wrap: anywhere; }
:target { background: #fff6d6; }
p { margin: 8px 0; }
.confidential { border: 2px solid #b71c1c; color: #b71c1c; padding: 6px 12px; font-size: 14px; }
.alarm, .caution, .calm { padding: 10px 14px; font-size: 17px; border-left: 6px solid; }
.alarm { background: #fdecea; border-color: #c62828; }
.caution { background: #fff4e5; border-color: #ef6c00; }
.calm { background: #e8f5e9; border-color: #2e7d32; }
.note { color: #5b6670; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 8px 0 14px; }
dl.fields dt { font-weight: bold; color: #35495e; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.table { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 1.5; }
th, td { border: 1px solid #c9d1d9; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f5; white-space: nowrap; }
td { overflow-wrap: break-word; }
td code { overflow-wrap: anywhere; }
tbody tr:nth-child(even) { background: #f8f9fb; }
.num { text-align: right; white-space: nowrap; }
code, pre { font-family: ui-monospace, Consolas, "Liberation Mono", "Noto Sans Mono CJK JP",
  monospace; }
code { font-size: 0.92em; overflow-wrap: anywhere; }
pre { background: #f6f8fa; border: 1px solid #d5dbe1; padding: 8px 12px; font-size: 12.5px;
  line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: #0b5cad; }
figure { margin: 12px 0 20px; }
figcaption { font-weight: bold; margin-bottom: 4px; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: #1d2329; }
svg .axis { stroke: #6b7680; }
svg .grid { stroke: #dde2e7; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, pre, figure, dl.fields { break-inside: avoid; }
  .table { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

const char* tone_class(Tone tone) {
  switch (tone) {
    case Tone::confidential: return "confidential";
    case Tone::alarm: return "alarm";
    case Tone::caution: return "caution";
    case Tone::calm: return "calm";
    case Tone::note: return "note";
    case Tone::plain: break;
  }
  return nullptr;
}

class HtmlWriter {
 public:
  explicit HtmlWriter(std::string& out) : out_(out) {}

  void operator()(const Heading& h) {
    const std::string tag = "h" + std::to_string(h.level);
    out_ += '<' + tag;
    if (!h.anchor.empty()) attribute("id", h.anchor);
    out_ += '>';
    util::append_html(out_, h.text);
    out_ += "</" + tag + ">\n";
  }
  void operator()(const Paragraph& p) {
    out_ += "<p";
    if (const char* c = tone_class(p.tone)) attribute("class", c);
    out_ += '>';
    inlines(p.content);
    out_ += "</p>\n";
  }
  void operator()(const List& l) {
    out_ += l.ordered ? "<ol>\n" : "<ul>\n";
    for (const auto& item : l.items) {
      out_ += "<li>";
      inlines(item);
      out_ += "</li>\n";
    }
    out_ += l.ordered ? "</ol>\n" : "</ul>\n";
  }
  void operator()(const Fields& f) {
    out_ += "<dl class=\"fields\">\n";
    for (const auto& [label, value] : f.rows) {
      out_ += "<dt>";
      util::append_html(out_, label);
      out_ += "</dt><dd>";
      inlines(value);
      out_ += "</dd>\n";
    }
    out_ += "</dl>\n";
  }
  void operator()(const Table& t) {
    const auto numeric = [&](size_t column) {
      return column < t.numeric.size() && t.numeric[column];
    };
    out_ += "<div class=\"table\"><table>\n<thead><tr>";
    for (size_t c = 0; c < t.header.size(); ++c) {
      out_ += numeric(c) ? "<th class=\"num\">" : "<th>";
      util::append_html(out_, t.header[c]);
      out_ += "</th>";
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      out_ += "<tr>";
      for (size_t c = 0; c < row.size(); ++c) {
        out_ += numeric(c) ? "<td class=\"num\">" : "<td>";
        inlines(row[c]);
        out_ += "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table></div>\n";
  }
  void operator()(const CodeBlock& c) {
    out_ += "<pre><code>";
    append_lines(out_, c.text, util::append_html);
    out_ += "</code></pre>\n";
  }
  void operator()(const Chart& c) {
    out_ += "<figure>\n<figcaption>";
    util::append_html(out_, c.title);
    out_ += "</figcaption>\n";
    append_svg_chart(out_, c);
    out_ += "</figure>\n";
  }

 private:
  void attribute(std::string_view name, std::string_view value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    util::append_html(out_, value);
    out_ += '"';
  }

  void inlines(const Inlines& content) {
    for (const Inline& i : content) {
      switch (i.kind) {
        case Inline::Kind::text: util::append_html(out_, i.text); break;
        case Inline::Kind::code:
          out_ += "<code>";
          util::append_html(out_, i.text);
          out_ += "</code>";
          break;
        case Inline::Kind::strong:
          out_ += "<strong>";
          util::append_html(out_, i.text);
          out_ += "</strong>";
          break;
        case Inline::Kind::link:
          out_ += "<a";
          attribute("href", "#" + i.anchor);
          out_ += '>';
          util::append_html(out_, i.text);
          out_ += "</a>";
          break;
      }
    }
  }

  std::string& out_;
};

}  // namespace

std::string write_html(const Document& doc) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  util::append_html(out, doc.lang);
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  util::append_html(out, doc.title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<main>\n";
  HtmlWriter writer(out);
  for (const Block& block : doc.blocks) std::visit(writer, block);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace shodo::report::incident

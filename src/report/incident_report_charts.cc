// Stacked bar charts: inline SVG for the HTML report (colours are ours,
// labels go through append_html like any text), and bars of characters for
// the Markdown one.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "report/incident_report_internal.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::report::incident {
namespace {

const char* colour(Shade shade) {
  switch (shade) {
    case Shade::attack: return "#c62828";
    case Shade::attack_secondary: return "#ef9a8f";
    case Shade::neutral: return "#a9b3bd";
  }
  return "#a9b3bd";
}

const char* glyph(Shade shade) {
  switch (shade) {
    case Shade::attack: return "█";
    case Shade::attack_secondary: return "▓";
    case Shade::neutral: return "░";
  }
  return "░";
}

uint64_t total(const Chart::Bar& bar) {
  return std::accumulate(bar.values.begin(), bar.values.end(), uint64_t{0});
}

uint64_t largest_total(const Chart& c) {
  uint64_t max = 0;
  for (const auto& bar : c.bars) max = std::max(max, total(bar));
  return max;
}

// A round number at least `max`, and a round step of about a quarter of it,
// for the value axis.
std::pair<uint64_t, uint64_t> value_axis(uint64_t max) {
  for (uint64_t scale = 1; scale <= UINT64_MAX / 40; scale *= 10)
    for (uint64_t m : {1, 2, 5})
      if (const uint64_t step = m * scale; step * 4 >= max)
        return {std::max(step, (max + step - 1) / step * step), step};
  return {max, max};
}

// "攻撃元からのリクエスト 300 / その他のリクエスト 204"
std::string bar_summary(const Chart& c, const Chart::Bar& bar) {
  std::string s = bar.label + ": ";
  for (size_t i = 0; i < c.series.size() && i < bar.values.size(); ++i)
    s += (i ? " / " : "") + c.series[i].first + " " + grouped(bar.values[i]);
  return s;
}

class Svg {
 public:
  explicit Svg(std::string& out) : out_(out) {}

  void open(int width, int height, const std::string& title) {
    out_ += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" "
        "height=\"{}\" role=\"img\"><title>",
        width, height, width, height);
    util::append_html(out_, title);
    out_ += "</title>\n";
  }
  void close() { out_ += "</svg>\n"; }
  void rect(double x, double y, double w, double h, const char* fill) {
    out_ += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
        "fill=\"{}\"/>",
        x, y, w, h, fill);
  }
  void line(double x1, double y1, double x2, double y2, const char* css_class) {
    out_ += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" class=\"{}\"/>\n", x1, y1,
        x2, y2, css_class);
  }
  // anchor: start, middle or end; rotate: degrees about (x, y).
  void text(double x, double y, std::string_view s, const char* anchor, int rotate = 0) {
    out_ += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\"", x, y, anchor);
    if (rotate) out_ += fmt::format(" transform=\"rotate({} {:.1f} {:.1f})\"", rotate, x, y);
    out_ += '>';
    util::append_html(out_, s);
    out_ += "</text>\n";
  }
  // A group whose tooltip says what the bar holds.
  void open_group(const std::string& tooltip) {
    out_ += "<g><title>";
    util::append_html(out_, tooltip);
    out_ += "</title>";
  }
  void close_group() { out_ += "</g>\n"; }

  void legend(const Chart& c, double y) {
    double x = 0;
    for (const auto& [name, shade] : c.series) {
      rect(x, y - 10, 12, 12, colour(shade));
      text(x + 17, y, name, "start");
      x += 17 + 11.0 * static_cast<double>(display_width(name)) * 0.62 + 24;
    }
  }

  // Stacked segments from `start` along the bar's axis.
  void stack(const Chart& c, const Chart::Bar& bar, double start, double scale, bool vertical,
             double across, double thickness) {
    double at = start;
    for (size_t i = 0; i < bar.values.size() && i < c.series.size(); ++i) {
      const double length = static_cast<double>(bar.values[i]) * scale;
      if (length <= 0) continue;
      if (vertical)
        rect(across, at - length, thickness, length, colour(c.series[i].second));
      else
        rect(at, across, length, thickness, colour(c.series[i].second));
      at += vertical ? -length : length;
    }
  }

 private:
  std::string& out_;
};

void horizontal(Svg& svg, const Chart& c) {
  constexpr int kWidth = 760, kTop = 30, kRow = 24, kBar = 15, kValueSpace = 70;
  size_t label_chars = 4;
  for (const auto& bar : c.bars) label_chars = std::max(label_chars, display_width(bar.label));
  const double label_width = std::min<double>(300, 7.0 * static_cast<double>(label_chars) + 12);
  const double plot = kWidth - label_width - kValueSpace;
  const uint64_t max = largest_total(c);
  const double scale = max ? plot / static_cast<double>(max) : 0;
  const int height = kTop + kRow * static_cast<int>(c.bars.size()) + 6;
  svg.open(kWidth, height, c.title);
  svg.legend(c, 14);
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const auto& bar = c.bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    svg.open_group(bar_summary(c, bar));
    svg.text(label_width - 8, y + kBar - 3, bar.label, "end");
    svg.stack(c, bar, label_width, scale, false, y, kBar);
    svg.text(label_width + static_cast<double>(total(bar)) * scale + 6, y + kBar - 3,
             grouped(total(bar)), "start");
    svg.close_group();
  }
  svg.line(label_width, kTop - 4, label_width, height - 4, "axis");
  svg.close();
}

void vertical(Svg& svg, const Chart& c) {
  constexpr int kWidth = 760, kHeight = 300, kLeft = 56, kRight = 12, kTop = 34, kBottom = 78;
  const double plot_width = kWidth - kLeft - kRight, plot_height = kHeight - kTop - kBottom;
  const double base = kTop + plot_height;
  const auto [axis_max, step] = value_axis(std::max<uint64_t>(1, largest_total(c)));
  const double scale = plot_height / static_cast<double>(axis_max);
  svg.open(kWidth, kHeight, c.title);
  svg.legend(c, 14);
  for (uint64_t v = 0; v <= axis_max; v += step) {
    const double y = base - static_cast<double>(v) * scale;
    svg.line(kLeft, y, kWidth - kRight, y, v ? "grid" : "axis");
    svg.text(kLeft - 6, y + 4, grouped(v), "end");
  }
  const double column = plot_width / static_cast<double>(std::max<size_t>(1, c.bars.size()));
  const double gap = column > 4 ? 1 : 0;
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const auto& bar = c.bars[i];
    const double x = kLeft + column * static_cast<double>(i);
    svg.open_group(bar_summary(c, bar));
    svg.stack(c, bar, base, scale, true, x + gap, column - 2 * gap);
    svg.close_group();
    if (bar.tick.empty()) continue;
    svg.line(x + column / 2, base, x + column / 2, base + 4, "axis");
    svg.text(x + column / 2 + 3, base + 14, bar.tick, "end", -40);
  }
  svg.text(kLeft + plot_width / 2, kHeight - 6, c.axis_note, "middle");
  svg.close();
}

}  // namespace

void append_svg_chart(std::string& out, const Chart& chart) {
  Svg svg(out);
  if (chart.vertical)
    vertical(svg, chart);
  else
    horizontal(svg, chart);
}

std::string text_chart(const Chart& c) {
  constexpr size_t kCells = 40;
  std::string out;
  for (size_t i = 0; i < c.series.size(); ++i)
    out += (i ? "  " : "") + std::string(glyph(c.series[i].second)) + " " + c.series[i].first;
  out += '\n';
  if (!c.axis_note.empty()) out += c.axis_note + '\n';
  size_t label_width = 0;
  for (const auto& bar : c.bars) label_width = std::max(label_width, display_width(bar.label));
  const uint64_t max = largest_total(c);
  for (const auto& bar : c.bars) {
    std::string row = pad_right(bar.label, label_width) + "  ";
    // Cells by cumulative rounding, so the stack's length matches its total.
    uint64_t sum = 0;
    size_t drawn = 0;
    for (size_t i = 0; i < bar.values.size() && i < c.series.size(); ++i) {
      sum += bar.values[i];
      const size_t end = max ? static_cast<size_t>((sum * kCells + max / 2) / max) : 0;
      for (; drawn < end; ++drawn) row += glyph(c.series[i].second);
    }
    row += std::string(kCells - drawn, ' ') + " ";
    for (size_t i = 0; i < bar.values.size(); ++i) row += (i ? " / " : "") + grouped(bar.values[i]);
    out += row + '\n';
  }
  return out;
}

}  // namespace shodo::report::incident

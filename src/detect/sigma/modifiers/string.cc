// String modifiers that reshape a glob: contains, startswith, endswith, windash.
#include <array>

#include "detect/sigma/modifiers/modifiers.h"
#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma::modifiers {
namespace {

void ensure_star_front(Glob& glob) {
  if (glob.empty() || glob.front().kind != Piece::Kind::any_chars)
    glob.insert(glob.begin(), Piece{Piece::Kind::any_chars, {}});
}

void ensure_star_back(Glob& glob) {
  if (glob.empty() || glob.back().kind != Piece::Kind::any_chars)
    glob.push_back(Piece{Piece::Kind::any_chars, {}});
}

// The characters Windows command lines accept as an option's dash, UTF-8.
constexpr std::array<std::string_view, 5> kDashes = {"-", "/", "\u2013", "\u2014", "\u2015"};

size_t dash_length_at(std::string_view text, size_t i) {
  for (const std::string_view d : kDashes)
    if (text.substr(i).starts_with(d)) return d.size();
  return 0;
}

void append_to_each(std::vector<Glob>& globs, std::string_view text) {
  for (Glob& g : globs) append_text(g, text);
}

}  // namespace

void add_wildcards(Glob& glob, Anchor anchor) {
  if (anchor != Anchor::startswith) ensure_star_front(glob);
  if (anchor != Anchor::endswith) ensure_star_back(glob);
}

std::vector<Glob> windash_variants(const Glob& glob) {
  std::vector<Glob> out(1);
  for (const Piece& piece : glob) {
    if (piece.kind != Piece::Kind::text) {
      for (Glob& g : out) g.push_back(piece);
      continue;
    }
    const std::string_view text = piece.text;
    size_t run_start = 0;
    for (size_t i = 0; i < text.size();) {
      const size_t dash = dash_length_at(text, i);
      if (dash == 0) {
        ++i;
        continue;
      }
      if (out.size() * kDashes.size() > kMaxValuesPerField)
        fail("windash makes more than " + std::to_string(kMaxValuesPerField) +
             " variants of one value");
      append_to_each(out, text.substr(run_start, i - run_start));
      std::vector<Glob> next;
      next.reserve(out.size() * kDashes.size());
      for (const Glob& g : out)
        for (const std::string_view d : kDashes) {
          next.push_back(g);
          append_text(next.back(), d);
        }
      out = std::move(next);
      i += dash;
      run_start = i;
    }
    append_to_each(out, text.substr(run_start));
  }
  return out;
}

}  // namespace shodo::detect::sigma::modifiers

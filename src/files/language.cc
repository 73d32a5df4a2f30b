#include "files/language.h"

#include <algorithm>
#include <string>

#include "files/heuristics/heuristics.h"

namespace shodo::files {

std::string_view language_name(Language l) {
  switch (l) {
    case Language::php: return "php";
    case Language::asp: return "asp";
    case Language::jsp: return "jsp";
    case Language::js: return "js";
    case Language::html: return "html";
    case Language::htaccess: return "htaccess";
    case Language::image: return "image";
    case Language::other: return "other";
  }
  return "other";
}

std::string extension_of(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return lower(name.substr(dot + 1));
}

bool looks_binary(std::string_view data) {
  return data.substr(0, 8192).find('\0') != std::string_view::npos;
}

Language detect_language(std::string_view name, std::string_view data) {
  const std::string n = lower(name);
  if (n == ".htaccess" || n == ".user.ini" || n == "php.ini" || n == "web.config")
    return Language::htaccess;
  const std::string ext = extension_of(n);
  auto is = [&](std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), ext) != list.end();
  };
  if (is({"php", "php3", "php4", "php5", "php7", "php8", "pht", "phtml", "phar", "phps", "inc",
          "module", "tpl"}))
    return Language::php;
  if (is({"asp", "aspx", "ashx", "asmx", "ascx", "asa", "cer", "cshtml", "vbhtml"}))
    return Language::asp;
  if (is({"jsp", "jspx", "jspf"})) return Language::jsp;
  if (is({"js", "mjs", "cjs"})) return Language::js;
  if (is({"html", "htm", "xhtml", "shtml", "twig", "phtm", "hbs", "mustache", "liquid"}))
    return Language::html;
  if (is({"jpg", "jpeg", "gif", "png", "bmp", "ico", "webp", "tif", "tiff"}))
    return Language::image;
  // No telling name (e.g. "favicon_abc" or "x.txt"): the content decides.
  std::string_view head = data.substr(0, 1024);
  if (head.find("<?php") != std::string_view::npos) return Language::php;
  if (head.find("<%@") != std::string_view::npos) {
    return lower(head).find("language=\"java\"") != std::string::npos ? Language::jsp
                                                                      : Language::asp;
  }
  std::string lh = lower(head);
  if (lh.find("<html") != std::string::npos || lh.find("<script") != std::string::npos)
    return Language::html;
  return Language::other;
}

}  // namespace shodo::files

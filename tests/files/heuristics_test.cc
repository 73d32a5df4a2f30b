// Heuristics seen one at a time, each with a case that fires and a look-alike
// that must not (the corpus test covers the code families end to end).
#include "files/heuristics/heuristics.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace shodo;
using namespace shodo::files;

namespace {

constexpr fsview::TimeNs kDay = 86400LL * 1000000000LL;

bool fired(const std::vector<Signal>& s, const std::string& id) {
  return std::any_of(s.begin(), s.end(), [&](const Signal& x) { return x.id == id; });
}

std::vector<Signal> run(const fsview::FileInfo& f, std::string_view data, Language lang,
                        const FolderStats* folder = nullptr,
                        fsview::TimeNs since = fsview::kNoTime) {
  FileContext c(f, data);
  c.lang = lang;
  c.has_content = true;
  c.folder = folder;
  c.since = since;
  return run_heuristics(c);
}

fsview::FileInfo file(const std::string& path,
                      fsview::TimeNs mtime = 1700000000LL * 1000000000LL + 123) {
  fsview::FileInfo f;
  f.path = path;
  f.type = fsview::FileType::regular;
  f.size = 100000;
  f.mtime = mtime;
  return f;
}

// The signals of PHP code in /x.php.
std::vector<Signal> php(const std::string& code) {
  return run(file("/x.php"), code, Language::php);
}

TEST(Heuristics, TimeWindowNewerThanSiblingsAndBackdating) {
  FolderStats s;
  s.files = 10;
  s.median_mtime = 1600000000LL * 1000000000LL;
  s.max_btime = s.second_btime = s.median_mtime;
  auto f = file("/www/x.txt", s.median_mtime + 90 * kDay);
  EXPECT_TRUE(fired(run(f, "", Language::other, &s, f.mtime - kDay), "in_window"));
  EXPECT_FALSE(fired(run(f, "", Language::other, &s, f.mtime + kDay), "in_window"));
  EXPECT_TRUE(fired(run(f, "", Language::other, &s), "newer_than_siblings"));
  auto old = file("/www/y.txt", s.median_mtime);
  EXPECT_FALSE(fired(run(old, "", Language::other, &s), "newer_than_siblings"));
  // Born 40 days after its siblings, claiming their mtime.
  old.btime = s.max_btime + 40 * kDay;
  s.max_btime = old.btime;
  EXPECT_TRUE(fired(run(old, "", Language::other, &s), "backdated"));
  old.btime = s.second_btime;
  EXPECT_FALSE(fired(run(old, "", Language::other, &s), "backdated"));
}

TEST(Heuristics, ObfuscationMeasures) {
  std::string symbols = "<?php $_=[];$__=@\"$_\";$__=$__['!'=='@'];";
  while (symbols.size() < 2000) symbols += "$___.=$__[++$_];$_++;$__($___);";
  EXPECT_TRUE(fired(run(file("/a.php"), symbols, Language::php), "symbol_code"));
  std::string plain = "<?php\n";
  while (plain.size() < 2000) plain += "function render_item($item) { return $item->title; }\n";
  EXPECT_FALSE(fired(run(file("/b.php"), plain, Language::php), "symbol_code"));
  std::string packed = "<?php $x='";
  for (int i = 0; i < 9000; ++i)
    packed += static_cast<char>("AZaz09+/qQ"[(i * 7919) % 10] + (i % 7));
  packed += "';";
  EXPECT_TRUE(fired(run(file("/c.php"), packed, Language::php), "packed_line"));
  std::string minified;
  while (minified.size() < 9000) minified += "function(a,b){return a.length>b?a:b};var c=d(e);";
  EXPECT_FALSE(fired(run(file("/d.js"), minified, Language::js), "packed_line"));
}

TEST(Heuristics, PlacementAndNames) {
  EXPECT_TRUE(fired(run(file("/wp-content/uploads/.x.php"), "", Language::php), "hidden_script"));
  EXPECT_FALSE(fired(run(file("/wp-content/themes/x.php"), "", Language::php), "hidden_script"));
  auto jpg = run(file("/uploads/a.php.jpg"), "", Language::image);
  ASSERT_TRUE(fired(jpg, "double_extension"));
  EXPECT_EQ(jpg[0].points, 45);
  auto lib = run(file("/getid3/module.graphic.jpg.php"), "", Language::php);
  ASSERT_TRUE(fired(lib, "double_extension"));
  EXPECT_LT(lib[0].points, 20);  // a library's naming, not a disguise
  FolderStats code;
  code.files = 8;
  code.scripts = 8;
  auto handler = run(file("/includes/upload/UploadBase.php"), "", Language::php, &code);
  ASSERT_TRUE(fired(handler, "script_in_uploads"));
  EXPECT_LT(handler[0].points, 20);  // "upload" in a class path: below low
  auto dropped = run(file("/wp-content/uploads/2024/cache.php"), "", Language::php);
  ASSERT_TRUE(fired(dropped, "script_in_uploads"));
  EXPECT_GE(dropped[0].points, 40);
  fsview::FileInfo link = file("/www/pw.txt");
  link.type = fsview::FileType::symlink;
  link.link_target = "/etc/shadow";
  EXPECT_TRUE(fired(run(link, "", Language::other), "symlink_outside"));
  link.link_target = "../../../../javascript/jquery/jquery.min.js";
  EXPECT_FALSE(fired(run(link, "", Language::other), "symlink_outside"));
}

TEST(Heuristics, CommentsDoNotCount) {
  const std::string doc =
      "<?php\n/**\n * Returns `$_POST['user_login']` to eval( $_GET['x'] ).\n */\n"
      "// system($_GET['c']);\n# passthru($_REQUEST['x']);\necho 1;\n";
  auto s = run(file("/doc.php"), doc, Language::php);
  EXPECT_FALSE(fired(s, "php.input_to_sink"));
  const std::string code = "<?php $u = 'http://x.example/'; // comment\nsystem($_GET['c']);\n";
  EXPECT_TRUE(fired(run(file("/x.php"), code, Language::php), "php.input_to_sink"));
}

// Checks are skipped in files without their trigger words, which are looked
// for in the raw bytes while the checks read code with comments blanked: a
// comment inside a construct must not hide it from its trigger.
TEST(Heuristics, CommentsInsideConstructsDoNotHideThem) {
  EXPECT_TRUE(fired(php("<?php eval(/* a */BASE64_DECODE/* b */('ZWNobyAxOw=='));"),
                    "decoded_code_executed"));
  EXPECT_TRUE(fired(php("<?php $f = 'as'/* a */.'sert'; $f($x);"), "split_name"));
  EXPECT_TRUE(fired(php("<?php $f = 'as'#a\n.'sert'; $f($x);"), "split_name"));
  EXPECT_TRUE(fired(php("<?php $f = chr/* a */(97).chr(115).chr(115).chr(101).chr(114).chr(116);"),
                    "char_code_name"));
  EXPECT_TRUE(fired(php("<?php $f = 'system' /* a */; $f($x);"), "variable_function"));
  EXPECT_TRUE(fired(php("<?php $a = base64_decode #a\n($b); eval($a);"), "decoded_code_executed"));
  // The same words where they do nothing.
  EXPECT_FALSE(
      fired(php("<?php /* eval(base64_decode('x')); */ echo 1;"), "decoded_code_executed"));
  EXPECT_FALSE(fired(php("<?php $f = ['as', 'sert']; $g = 'system' . $x;"), "split_name"));
  EXPECT_FALSE(fired(php("<?php $f = 'system'; echo $f;"), "variable_function"));
  EXPECT_TRUE(fired(php("<?php $c = str_rot13/* a */('riny'); $c($x);"), "transformed_name"));
  EXPECT_TRUE(fired(php("<?php ${/* a */'_G'.'ET'}['a']($b);"), "joined_superglobal"));
}

TEST(Heuristics, RequestVariablesUnderAnotherName) {
  // The whole of $_POST copied: what is read from the copy is request input.
  EXPECT_TRUE(
      fired(php("<?php $a = $_POST; $b = $a['f']; $c = $a['p']; $b($c);"), "php.input_to_sink"));
  EXPECT_TRUE(fired(php("<?php $in = array_merge($_GET, $_POST); $cmd = $in['c']; system($cmd);"),
                    "php.input_to_sink"));
  EXPECT_TRUE(fired(php("<?php eval($GLOBALS['_POST']['x']);"), "php.input_to_sink"));
  // A copy of something else, or a value of the copy that is checked first.
  EXPECT_FALSE(fired(php("<?php $x = $_POST['q']; $cfg = $defaults; $b = $cfg['f']; $b($c);"),
                     "php.input_to_sink"));
  EXPECT_FALSE(fired(php("<?php $in = $_POST; $n = intval($in['n']); system('ls ' . $n);"),
                     "php.input_to_sink"));
}

TEST(Heuristics, NamesKeptEncoded) {
  EXPECT_TRUE(fired(php("<?php $x = base64_decode('c3lzdGVt'); $x($_GET['c']);"), "encoded_name"));
  EXPECT_TRUE(fired(php("<?php $x = hex2bin(\"617373657274\"); $x($y);"), "encoded_name"));
  EXPECT_FALSE(
      fired(php("<?php echo base64_decode('aGVsbG8='); echo hex2bin('414243');"), "encoded_name"));
}

TEST(Heuristics, NamesJoinedFromVariables) {
  EXPECT_TRUE(
      fired(php("<?php $a = 'sys'; $b = 'tem'; $c = $a . $b; $c($_GET['x']);"), "split_name"));
  EXPECT_TRUE(fired(php("<?php $p = 'as'; $f = $p . 'sert'; $f ($y);"), "split_name"));
  // Joined but never called, or joined into an ordinary name.
  EXPECT_FALSE(fired(php("<?php $a = 'sys'; $b = 'tem'; $c = $a . $b; echo $c;"), "split_name"));
  EXPECT_FALSE(fired(php("<?php $a = 'user'; $b = '_name'; $c = $a . $b; $c($x);"), "split_name"));
}

TEST(Heuristics, ShellsWithoutLetters) {
  const auto s =
      php("<?php $_=\"{\"; $_=($_^\"<\").($_^\">;\").($_^\"/\"); "
          "?><?=${'_'.$_}[\"_\"](${'_'.$_}[\"__\"]);?>");
  EXPECT_TRUE(fired(s, "xor_strings"));
  EXPECT_TRUE(fired(s, "runtime_superglobal_call"));
  // One XOR of a mask, as hashing code does.
  EXPECT_FALSE(fired(php("<?php $k = $key ^ \"\\x5c\"; echo hash('sha256', $k);"), "xor_strings"));
  EXPECT_FALSE(fired(php("<?php $v = ${'_' . $name}; echo $v;"), "runtime_superglobal_call"));
}

// Comments between the tokens (blanked before the checks read the code) and
// other token orders must not keep a check from running.
TEST(Heuristics, ShellTricksWithCommentsOrOtherOrders) {
  EXPECT_TRUE(
      fired(php("<?php $R = str_replace(/**/'Fx', '', 'creFxaFxte_FxfuFxnction'); $R('', $f);"),
            "transformed_name"));
  EXPECT_TRUE(
      fired(php("<?php $a = 'sys'; $b = 'tem'; $c =/**/$a . $b; $c($_GET['x']);"), "split_name"));
  EXPECT_TRUE(fired(php("<?php $b = 'stem'; $c = 'sy' . $b; $c($_GET['x']);"), "split_name"));
  EXPECT_TRUE(
      fired(php("<?php $_ = ('<'/**/^/**/'{') . ('>;' ^ '{') . ('/' ^ '{');"), "xor_strings"));
  EXPECT_TRUE(fired(php("<?php ${'_'/**/.$x}['a']($b);"), "runtime_superglobal_call"));
  // A table of operators is no XOR of strings.
  EXPECT_FALSE(fired(php("<?php $ops = ['+', '-', '^', '*']; $prec = ['^' => 3, '*' => 2];"
                         " $t = str_replace(['(', '^', ')'], ' ', $e);"),
                     "xor_strings"));
}

TEST(Heuristics, NamesHiddenByATransformOrAJoin) {
  EXPECT_TRUE(fired(php("<?php $c = str_rot13('riny'); $c($_POST['q']);"), "transformed_name"));
  EXPECT_TRUE(fired(php("<?php $s = STRREV(\"tressa\"); $s($x);"), "transformed_name"));
  EXPECT_TRUE(
      fired(php("<?php $_ = ${'_'.'POST'}; $__ = $_['a']; $__($_['b']);"), "joined_superglobal"));
  EXPECT_TRUE(
      fired(php("<?php ${\"_G\".\"ET\"}['a'](${\"_G\".\"ET\"}['b']);"), "joined_superglobal"));
  // Ordinary uses of the same functions and of variable variables.
  EXPECT_FALSE(
      fired(php("<?php echo str_rot13('hello'); echo strrev('abc');"), "transformed_name"));
  EXPECT_TRUE(
      fired(php("<?php $R = str_replace('Fx', '', 'creFxaFxte_FxfuFxnctFxion'); $V = $R('', $f);"),
            "transformed_name"));
  EXPECT_FALSE(fired(
      php("<?php $slug = str_replace('-', '', 'spring-sale'); echo str_replace('x', '', 'box');"),
      "transformed_name"));
  EXPECT_FALSE(
      fired(php("<?php $name = 'lang_' . 'ja'; echo ${'lang' . '_ja'};"), "joined_superglobal"));
  EXPECT_FALSE(fired(php("<?php echo $_GET['q'];"), "joined_superglobal"));
}

}  // namespace

shodo inert sample: deliberate syntax error, this script never runs (
new Function(unescape('%61%6c%65%72%74'))();

